package dev.edgec.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgec.cli.io.NpyFormat;
import dev.edgec.cli.runtime.ModuleRunner;
import dev.edgec.core.abi.ModuleSignature;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompileCommandTest {
    @TempDir
    Path dir;

    private Path model(byte[] bytes) {
        return TestModels.write(dir, "model.onnx", bytes);
    }

    @Test
    void compilesAndPrintsOneSummaryLine() throws IOException {
        Path m = model(TestModels.addRelu(1, 4));
        Path out = dir.resolve("out.wasm");
        Cli.Result r = Cli.run("compile", m.toString(), "-o", out.toString());
        assertEquals(ExitCodes.SUCCESS, r.code(), r::toString);
        assertEquals("", r.err());
        String[] lines = r.out().split("\\R");
        assertEquals(1, lines.length, r::toString);
        long size = Files.size(out);
        assertTrue(lines[0].matches("wrote .*out\\.wasm: " + size + " bytes \\(code \\d+, data \\d+\\), memory \\d+ pages? \\(\\d+ KiB\\)"),
                lines[0]);
        ModuleSignature sig = ModuleRunner.readSignature(Files.readAllBytes(out));
        assertEquals(List.of("x", "y"), sig.inputs().stream().map(s -> s.name()).toList());
    }

    @Test
    void defaultOutputIsTheModelWithWasmExtension() {
        Path m = model(TestModels.addRelu(1, 4));
        Cli.Result r = Cli.run("compile", m.toString());
        assertEquals(ExitCodes.SUCCESS, r.code(), r::toString);
        assertTrue(Files.isRegularFile(dir.resolve("model.wasm")));
    }

    @Test
    void optimizationLevelsAreAcceptedAndRecorded() throws IOException {
        Path m = model(TestModels.addRelu(2, 3));
        for (String level : List.of("-O0", "-O1")) {
            Path out = dir.resolve(level + ".wasm");
            Cli.Result r = Cli.run("compile", m.toString(), level, "-o", out.toString());
            assertEquals(ExitCodes.SUCCESS, r.code(), r::toString);
            ModuleSignature sig = ModuleRunner.readSignature(Files.readAllBytes(out));
            assertEquals(level.substring(2), sig.options().get("opt_level"));
        }
        Cli.Result bad = Cli.run("compile", m.toString(), "-O2", "-o", dir.resolve("x.wasm").toString());
        assertEquals(ExitCodes.USAGE, bad.code());
        assertTrue(bad.singleErrorLine().contains("-O2"), bad::toString);
    }

    @Test
    void aFileThatIsNotOnnxIsAnInvalidModel() {
        Path m = model("this is a text file, not a protobuf\n".getBytes(StandardCharsets.UTF_8));
        Cli.Result r = Cli.run("compile", m.toString(), "-o", dir.resolve("o.wasm").toString());
        assertEquals(ExitCodes.INVALID_MODEL, r.code(), r::toString);
        assertTrue(r.singleErrorLine().contains("ONNX"), r::toString);
    }

    @Test
    void anEmptyFileIsAnInvalidModel() {
        Cli.Result r = Cli.run("compile", model(new byte[0]).toString(), "-o", dir.resolve("o.wasm").toString());
        assertEquals(ExitCodes.INVALID_MODEL, r.code(), r::toString);
        r.singleErrorLine();
    }

    @Test
    void aTruncatedModelIsAnInvalidModel() {
        byte[] full = TestModels.addInitializer(64);
        Path m = model(Arrays.copyOf(full, full.length - 40));
        Cli.Result r = Cli.run("compile", m.toString(), "-o", dir.resolve("o.wasm").toString());
        assertEquals(ExitCodes.INVALID_MODEL, r.code(), r::toString);
        r.singleErrorLine();
    }

    @Test
    void everyUnsupportedOperatorIsListedInOneLine() {
        Path m = model(TestModels.twoUnsupportedOperators());
        Cli.Result r = Cli.run("compile", m.toString(), "-o", dir.resolve("o.wasm").toString());
        assertEquals(ExitCodes.UNSUPPORTED_MODEL, r.code(), r::toString);
        String line = r.singleErrorLine();
        for (String s : List.of("NoSuchOpA 'decode_head'", "NoSuchOpB 'postprocess'")) {
            assertTrue(line.contains(s), () -> "missing " + s + " in " + line);
        }
        assertFalse(line.contains("Relu") || line.contains("act"), line);
    }

    @Test
    void anUnknownAttributeNamesTheNodeAndAttribute() {
        Path m = model(TestModels.unknownAttribute());
        Cli.Result r = Cli.run("compile", m.toString(), "-o", dir.resolve("o.wasm").toString());
        assertEquals(ExitCodes.INVALID_MODEL, r.code(), r::toString);
        String line = r.singleErrorLine();
        assertTrue(line.contains("alpha") && line.contains("Relu 'act'"), line);
    }

    @Test
    void aMissingModelFileIsAnIoError() {
        Cli.Result r = Cli.run("compile", dir.resolve("nope.onnx").toString(), "-o", dir.resolve("o.wasm").toString());
        assertEquals(ExitCodes.IO, r.code(), r::toString);
        assertTrue(r.singleErrorLine().contains("nope.onnx"), r::toString);
    }

    @Test
    void aSymbolicInputNeedsInputShape() throws IOException {
        Path m = model(TestModels.symbolicAddRelu());
        Path out = dir.resolve("o.wasm");
        Cli.Result r = Cli.run("compile", m.toString(), "-o", out.toString());
        assertEquals(ExitCodes.INVALID_MODEL, r.code(), r::toString);
        assertTrue(r.singleErrorLine().contains("--input-shape"), r::toString);
        assertFalse(Files.exists(out));

        Cli.Result ok = Cli.run("compile", m.toString(), "-o", out.toString(), "--input-shape", "x=3x4",
                "--input-shape", "y=3x4");
        assertEquals(ExitCodes.SUCCESS, ok.code(), ok::toString);
        ModuleSignature sig = ModuleRunner.readSignature(Files.readAllBytes(out));
        assertEquals(Shape.of(3, 4), sig.inputs().get(0).shape());
    }

    @Test
    void badInputShapesAreUsageErrors() {
        Path m = model(TestModels.symbolicAddRelu());
        String[][] cases = {
            {"x", "y=3x4"}, // no '='
            {"x=3xq", "y=3x4"}, // not a dimension
            {"x=3x4", "y=3x4", "nosuch=3x4"}, // not an input
            {"x=3x4x5", "y=3x4"}, // wrong rank
            {"x=3x5", "y=3x5"}, // contradicts the fixed dimension 4
            {"x=3x4", "y=3x4", "x=3x4"}, // twice
        };
        for (String[] shapes : cases) {
            List<String> args = new java.util.ArrayList<>(List.of("compile", m.toString(), "-o", dir.resolve("o.wasm").toString()));
            for (String s : shapes) {
                args.add("--input-shape");
                args.add(s);
            }
            Cli.Result r = Cli.run(args.toArray(String[]::new));
            assertEquals(ExitCodes.USAGE, r.code(), r::toString);
            assertTrue(r.singleErrorLine().contains("--input-shape"), r::toString);
        }
    }

    @Test
    void aTensorOverTheLimitIsLimitExceeded() {
        Path m = model(TestModels.addInitializer(100));
        Cli.Result r = Cli.run("compile", m.toString(), "-o", dir.resolve("o.wasm").toString(), "--max-tensor-bytes", "256");
        assertEquals(ExitCodes.LIMIT_EXCEEDED, r.code(), r::toString);
        assertTrue(r.singleErrorLine().contains("256"), r::toString);
        assertEquals(ExitCodes.USAGE, Cli.run("compile", m.toString(), "--max-tensor-bytes", "0").code());
    }

    @Test
    void aFailedCompileLeavesNoFileAndNoTemporaryFile() throws IOException {
        Path m = model(TestModels.twoUnsupportedOperators());
        Path out = dir.resolve("sub").resolve("o.wasm");
        Cli.Result r = Cli.run("compile", m.toString(), "-o", out.toString());
        assertEquals(ExitCodes.UNSUPPORTED_MODEL, r.code(), r::toString);
        assertFalse(Files.exists(out));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("model.onnx"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void aFailedCompileDoesNotClobberAnExistingOutput() throws IOException {
        Path m = model(TestModels.unknownAttribute());
        Path out = dir.resolve("o.wasm");
        byte[] previous = "previous module".getBytes(StandardCharsets.UTF_8);
        Files.write(out, previous);
        Cli.Result r = Cli.run("compile", m.toString(), "-o", out.toString());
        assertEquals(ExitCodes.INVALID_MODEL, r.code(), r::toString);
        assertArrayEquals(previous, Files.readAllBytes(out));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary file may be left behind");
        }
    }

    @Test
    void aSuccessfulCompileReplacesAnExistingOutput() throws IOException {
        Path m = model(TestModels.addRelu(1, 4));
        Path out = dir.resolve("o.wasm");
        Files.write(out, new byte[] {1, 2, 3});
        assertEquals(ExitCodes.SUCCESS, Cli.run("compile", m.toString(), "-o", out.toString()).code());
        byte[] wasm = Files.readAllBytes(out);
        assertEquals(0, wasm[0]);
        assertEquals('a', wasm[1]);
    }

    @Test
    void theOutputMayNotBeTheModelOrAFolder() throws IOException {
        Path m = model(TestModels.addRelu(1, 4));
        byte[] before = Files.readAllBytes(m);
        Cli.Result same = Cli.run("compile", m.toString(), "-o", m.toString());
        assertEquals(ExitCodes.USAGE, same.code(), same::toString);
        assertArrayEquals(before, Files.readAllBytes(m));
        Cli.Result folder = Cli.run("compile", m.toString(), "-o", dir.toString());
        assertEquals(ExitCodes.USAGE, folder.code(), folder::toString);
    }

    @Test
    void aFrozenInputLeavesTheSignatureAndIsBakedIn() throws IOException {
        Path m = model(TestModels.addRelu(1, 4));
        Tensor y = Tensor.ofFloats(Shape.of(1, 4), 1, -2, 3, -4);
        Path yFile = TestModels.write(dir, "y.npy", NpyFormat.write(y));
        Path out = dir.resolve("frozen.wasm");
        Cli.Result r = Cli.run("compile", m.toString(), "-o", out.toString(), "--freeze-input", "y=" + yFile);
        assertEquals(ExitCodes.SUCCESS, r.code(), r::toString);
        byte[] wasm = Files.readAllBytes(out);
        try (ModuleRunner runner = new ModuleRunner(wasm, new dev.edgec.cli.runtime.ChicoryRuntime())) {
            assertEquals(List.of("x"), runner.signature().inputs().stream().map(s -> s.name()).toList());
            Tensor x = Tensor.ofFloats(Shape.of(1, 4), 0.5f, 0.5f, 0.5f, 0.5f);
            float[] got = runner.run(List.of(x)).get(0).toFloats();
            assertArrayEquals(new float[] {1.5f, 0f, 3.5f, 0f}, got);
        }
    }

    @Test
    void freezeInputErrorsNameTheInput() {
        Path m = model(TestModels.addRelu(1, 4));
        Cli.Result missing = Cli.run("compile", m.toString(), "--freeze-input", "y=" + dir.resolve("no.npy"));
        assertEquals(ExitCodes.IO, missing.code(), missing::toString);
        assertTrue(missing.singleErrorLine().contains("frozen input 'y'"), missing::toString);
        Cli.Result malformed = Cli.run("compile", m.toString(), "--freeze-input", "y");
        assertEquals(ExitCodes.USAGE, malformed.code(), malformed::toString);
    }
}
