package dev.edgec.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgec.cli.io.NpyFormat;
import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
    @TempDir
    Path dir;

    private Path module;

    @BeforeEach
    void compileAddRelu() {
        Path model = TestModels.write(dir, "add_relu.onnx", TestModels.addRelu(1, 5));
        module = dir.resolve("add_relu.wasm");
        Cli.Result r = Cli.run("compile", model.toString(), "-o", module.toString());
        assertEquals(ExitCodes.SUCCESS, r.code(), r::toString);
    }

    private Path npy(String name, Tensor t) {
        return TestModels.write(dir, name, NpyFormat.write(t));
    }

    @Test
    void compileThenRunComputesReluOfTheSum() throws IOException {
        float[] x = {1.5f, -2f, 0.25f, 3f, -0.5f};
        float[] y = {-1f, 1f, 0.5f, 4f, 0.25f};
        Path xf = npy("x.npy", Tensor.ofFloats(Shape.of(1, 5), x));
        Path yf = npy("y.npy", Tensor.ofFloats(Shape.of(1, 5), y));
        Path outDir = dir.resolve("out");
        Cli.Result r = Cli.run("run", module.toString(), "--input", "x=" + xf, "--input", "y=" + yf,
                "--output-dir", outDir.toString());
        assertEquals(ExitCodes.SUCCESS, r.code(), r::toString);
        assertEquals("", r.err());
        float[] expected = new float[5];
        for (int i = 0; i < 5; i++) {
            expected[i] = Math.max(x[i] + y[i], 0f);
        }
        Tensor saved = NpyFormat.read(Files.readAllBytes(outDir.resolve("out.npy")), 1 << 20);
        assertEquals(Shape.of(1, 5), saved.shape());
        assertArrayEquals(expected, saved.toFloats());
        assertTrue(r.out().contains("output 'out': float32[1x5]  min 0  max 7  mean 1.65"), r::toString);
        assertTrue(r.out().contains("values: [0.5, 0, 0.75, 7, 0]"), r::toString);
        assertTrue(r.out().contains("argmax: 3"), r::toString);
    }

    @Test
    void aBfloat16OutputIsSavedAsTensorProto() throws IOException {
        OnnxBuilder b = new OnnxBuilder("to_bf16", 13);
        String x = b.input("x", DataType.FLOAT32, new long[]{3});
        b.output(b.node("Cast", java.util.List.of(x), "to", 16L), DataType.BFLOAT16);
        Path model = TestModels.write(dir, "to_bf16.onnx", b.toBytes());
        Path wasm = dir.resolve("to_bf16.wasm");
        assertEquals(ExitCodes.SUCCESS, Cli.run("compile", model.toString(), "-o", wasm.toString()).code());
        Path outDir = dir.resolve("bf");
        Cli.Result r = Cli.run("run", wasm.toString(), "--input", "x=" + npy("x.npy", Tensor.ofFloats(Shape.of(3), 1, -2.5f, 3)),
                "--output-dir", outDir.toString());
        assertEquals(ExitCodes.SUCCESS, r.code(), r::toString);
        Path saved = outDir.resolve(r.out().lines().filter(l -> l.contains("saved:")).findFirst().orElseThrow()
                .replaceAll(".*[/\\\\]", ""));
        assertTrue(saved.toString().endsWith(".pb"), r::toString);
        Tensor t = dev.edgec.cli.io.TensorFiles.read(saved, "test", 1 << 20);
        assertEquals(DataType.BFLOAT16, t.dataType());
        assertArrayEquals(new float[] {1, -2.5f, 3}, t.toFloats());
    }

    @Test
    void inputsMayBeOnnxTensorProtoFiles() {
        Tensor x = Tensor.ofFloats(Shape.of(1, 5), 1, 2, 3, 4, 5);
        Path xf = TestModels.write(dir, "input_0.pb", OnnxBuilder.tensorProto("x", x).toByteArray());
        Path yf = npy("y.npy", Tensor.ofFloats(Shape.of(1, 5), -3, -3, -3, -3, -3));
        Cli.Result r = Cli.run("run", module.toString(), "--input", "x=" + xf, "--input", "y=" + yf);
        assertEquals(ExitCodes.SUCCESS, r.code(), r::toString);
        assertTrue(r.out().contains("values: [0, 0, 0, 1, 2]"), r::toString);
    }

    @Test
    void aModuleWithOneInputTakesAFileWithoutName() throws IOException {
        Path y = npy("y.npy", Tensor.ofFloats(Shape.of(1, 5), 1, 1, 1, 1, 1));
        Path single = dir.resolve("single.wasm");
        Cli.Result c = Cli.run("compile", dir.resolve("add_relu.onnx").toString(), "--freeze-input", "y=" + y,
                "-o", single.toString());
        assertEquals(ExitCodes.SUCCESS, c.code(), c::toString);
        Path x = npy("x.npy", Tensor.ofFloats(Shape.of(1, 5), -2, -1, 0, 1, 2));
        Cli.Result r = Cli.run("run", single.toString(), "--input", x.toString());
        assertEquals(ExitCodes.SUCCESS, r.code(), r::toString);
        assertTrue(r.out().contains("values: [0, 0, 1, 2, 3]"), r::toString);
        Cli.Result two = Cli.run("run", module.toString(), "--input", x.toString(), "--random");
        assertEquals(ExitCodes.USAGE, two.code(), two::toString);
        assertTrue(two.singleErrorLine().contains("NAME=FILE"), two::toString);
    }

    @Test
    void randomInputsAreReproducibleBySeed() {
        Cli.Result a = Cli.run("run", module.toString(), "--random", "--seed", "7");
        Cli.Result b = Cli.run("run", module.toString(), "--random", "--seed", "7");
        Cli.Result c = Cli.run("run", module.toString(), "--random", "--seed", "8");
        assertEquals(ExitCodes.SUCCESS, a.code(), a::toString);
        assertEquals(values(a), values(b));
        assertTrue(!values(a).equals(values(c)), "different seeds give different inputs");
    }

    private static String values(Cli.Result r) {
        return r.out().lines().filter(l -> l.contains("values:")).findFirst().orElseThrow();
    }

    @Test
    void randomFillsOnlyTheInputsNotGiven() {
        Path xf = npy("x.npy", Tensor.ofFloats(Shape.of(1, 5), 5, 5, 5, 5, 5));
        Cli.Result r = Cli.run("run", module.toString(), "--input", "x=" + xf, "--random");
        assertEquals(ExitCodes.SUCCESS, r.code(), r::toString);
        assertTrue(r.out().contains("(random y, seed 0)"), r::toString);
    }

    @Test
    void aMissingInputFileIsAnIoErrorNamingTheInput() {
        Path yf = npy("y.npy", Tensor.ofFloats(Shape.of(1, 5), 1, 1, 1, 1, 1));
        Cli.Result r = Cli.run("run", module.toString(), "--input", "x=" + dir.resolve("absent.npy"), "--input", "y=" + yf);
        assertEquals(ExitCodes.IO, r.code(), r::toString);
        String line = r.singleErrorLine();
        assertTrue(line.contains("absent.npy") && line.contains("input 'x'"), line);
    }

    @Test
    void aWrongShapedNpyNamesTheInputAndBothTypes() {
        Path xf = npy("x.npy", Tensor.ofFloats(Shape.of(5), 1, 2, 3, 4, 5));
        Cli.Result r = Cli.run("run", module.toString(), "--input", "x=" + xf, "--random");
        assertEquals(ExitCodes.USAGE, r.code(), r::toString);
        String line = r.singleErrorLine();
        assertTrue(line.contains("input 'x' must be float32[1x5]") && line.contains("holds float32[5]")
                && line.contains("wrong shape"), line);
    }

    @Test
    void aWrongDtypeNpyNamesTheInputAndBothTypes() {
        Path xf = npy("x.npy", Tensor.ofDoubles(DataType.FLOAT64, Shape.of(1, 5), 1, 2, 3, 4, 5));
        Cli.Result r = Cli.run("run", module.toString(), "--input", "x=" + xf, "--random");
        assertEquals(ExitCodes.USAGE, r.code(), r::toString);
        String line = r.singleErrorLine();
        assertTrue(line.contains("float32[1x5]") && line.contains("float64[1x5]") && line.contains("wrong dtype"), line);
    }

    @Test
    void anUnknownInputNameListsTheModuleInputs() {
        Path xf = npy("x.npy", Tensor.ofFloats(Shape.of(1, 5), 1, 2, 3, 4, 5));
        Cli.Result r = Cli.run("run", module.toString(), "--input", "image=" + xf, "--random");
        assertEquals(ExitCodes.USAGE, r.code(), r::toString);
        String line = r.singleErrorLine();
        assertTrue(line.contains("'image'") && line.contains("x (float32[1x5])"), line);
    }

    @Test
    void aMissingInputWithoutRandomIsAUsageError() {
        Cli.Result r = Cli.run("run", module.toString());
        assertEquals(ExitCodes.USAGE, r.code(), r::toString);
        assertTrue(r.singleErrorLine().contains("input 'x' (float32[1x5]) is not given"), r::toString);
        Cli.Result seed = Cli.run("run", module.toString(), "--seed", "3");
        assertEquals(ExitCodes.USAGE, seed.code(), seed::toString);
    }

    @Test
    void aMalformedNpyIsAnIoError() throws IOException {
        byte[] good = NpyFormat.write(Tensor.ofFloats(Shape.of(1, 5), 1, 2, 3, 4, 5));
        Path xf = TestModels.write(dir, "x.npy", java.util.Arrays.copyOf(good, good.length - 3));
        Cli.Result r = Cli.run("run", module.toString(), "--input", "x=" + xf, "--random");
        assertEquals(ExitCodes.IO, r.code(), r::toString);
        assertTrue(r.singleErrorLine().contains("not a valid .npy file"), r::toString);
    }

    @Test
    void aFileThatIsNotWasmIsAnInvalidModule() {
        Path bad = TestModels.write(dir, "bad.wasm", "not wasm".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Cli.Result r = Cli.run("run", bad.toString(), "--random");
        assertEquals(ExitCodes.INVALID_MODEL, r.code(), r::toString);
        r.singleErrorLine();
        Path plain = TestModels.write(dir, "plain.wasm", TestModules.withoutSignature());
        Cli.Result p = Cli.run("run", plain.toString(), "--random");
        assertEquals(ExitCodes.INVALID_MODEL, p.code(), p::toString);
        assertTrue(p.singleErrorLine().contains("not compiled by edgec"), p::toString);
    }

    @Test
    void anErrorCodeFromRunIsARuntimeError() {
        Path m = TestModels.write(dir, "fails.wasm", TestModules.runReturns(3));
        Cli.Result r = Cli.run("run", m.toString(), "--random");
        assertEquals(ExitCodes.RUNTIME, r.code(), r::toString);
        assertTrue(r.singleErrorLine().contains("error code 3"), r::toString);
    }

    @Test
    void aTrapIsARuntimeError() {
        Path m = TestModels.write(dir, "traps.wasm", TestModules.runTraps());
        Cli.Result r = Cli.run("run", m.toString(), "--random");
        assertEquals(ExitCodes.RUNTIME, r.code(), r::toString);
        assertTrue(r.singleErrorLine().contains("trapped"), r::toString);
    }

    @Test
    void aMissingModuleIsAnIoError() {
        Cli.Result r = Cli.run("run", dir.resolve("none.wasm").toString(), "--random");
        assertEquals(ExitCodes.IO, r.code(), r::toString);
        r.singleErrorLine();
    }
}
