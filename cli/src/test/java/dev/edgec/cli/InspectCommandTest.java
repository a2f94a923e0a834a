package dev.edgec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectCommandTest {
    @TempDir
    Path dir;

    private Path module;

    @BeforeEach
    void compile() {
        Path model = TestModels.write(dir, "m.onnx", TestModels.addInitializer(8));
        module = dir.resolve("m.wasm");
        Cli.Result r = Cli.run("compile", model.toString(), "-o", module.toString(), "-O0");
        assertEquals(ExitCodes.SUCCESS, r.code(), r::toString);
    }

    @Test
    void textReportShowsSignatureSectionsMemoryAndExports() throws IOException {
        Cli.Result r = Cli.run("inspect", module.toString());
        assertEquals(ExitCodes.SUCCESS, r.code(), r::toString);
        String out = r.out();
        long size = Files.size(module);
        assertTrue(out.contains("module: " + module + " (" + size + " bytes)"), out);
        assertTrue(out.contains("inputs:\n  x: float32 [1, 8]\n"), out);
        assertTrue(out.contains("outputs:\n  out: float32 [1, 8]\n"), out);
        assertTrue(out.contains("opset 13, producer 'edgec-builder'"), out);
        assertTrue(out.contains("options opt_level=0"), out);
        assertTrue(out.matches("(?s).*sections: code \\d+, data \\d+, custom \\d+, total " + size + " bytes.*"), out);
        assertTrue(out.contains("custom 'edgec.signature'"), out);
        assertTrue(out.matches("(?s).*memory: \\d+ pages? \\(\\d+ bytes\\).*"), out);
        assertTrue(out.contains("exports: memory (memory), input_ptr (function), output_ptr (function), run (function)"), out);
    }

    @Test
    void jsonReportIsMachineReadable() throws IOException {
        Cli.Result r = Cli.run("inspect", module.toString(), "--json");
        assertEquals(ExitCodes.SUCCESS, r.code(), r::toString);
        JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
        JsonObject sig = o.getAsJsonObject("signature");
        assertEquals(1, sig.get("abi").getAsInt());
        assertEquals("x", sig.getAsJsonArray("inputs").get(0).getAsJsonObject().get("name").getAsString());
        assertEquals(64, sig.getAsJsonObject("model").get("sha256").getAsString().length());
        JsonObject sections = o.getAsJsonObject("sections");
        long total = sections.get("total").getAsLong();
        assertEquals(Files.size(module), total);
        assertTrue(sections.get("code").getAsLong() + sections.get("data").getAsLong()
                + sections.get("custom").getAsLong() < total);
        assertTrue(sections.get("data").getAsLong() > 8 * 4, "the 8-float initializer lives in the data section");
        assertTrue(o.getAsJsonObject("memory").get("pages").getAsInt() >= 1);
        assertEquals(4, o.getAsJsonArray("exports").size());
    }

    @Test
    void aWasmModuleWithoutSignatureIsStillInspected() {
        Path plain = TestModels.write(dir, "plain.wasm", TestModules.withoutSignature());
        Cli.Result r = Cli.run("inspect", plain.toString());
        assertEquals(ExitCodes.SUCCESS, r.code(), r::toString);
        assertTrue(r.out().contains("signature: none"), r::toString);
    }

    @Test
    void aFileThatIsNotWasmIsAnInvalidModule() {
        Path onnx = dir.resolve("m.onnx");
        Cli.Result r = Cli.run("inspect", onnx.toString());
        assertEquals(ExitCodes.INVALID_MODEL, r.code(), r::toString);
        assertTrue(r.singleErrorLine().contains("not a WebAssembly module"), r::toString);
        assertEquals(ExitCodes.IO, Cli.run("inspect", dir.resolve("none.wasm").toString()).code());
    }
}
