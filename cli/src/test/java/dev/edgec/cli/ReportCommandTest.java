package dev.edgec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.edgec.wasm.SectionReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
    @TempDir
    Path dir;

    private Path model() {
        return TestModels.write(dir, "model.onnx", TestModels.addInitializer(1000));
    }

    private static int section(byte[] wasm, String name) {
        return SectionReader.sections(wasm).stream().filter(s -> s.name().equals(name))
                .mapToInt(SectionReader.Section::totalBytes).sum();
    }

    @Test
    void jsonReportMatchesTheModuleCompileWrites() throws IOException {
        Path out = dir.resolve("m.wasm");
        assertEquals(ExitCodes.SUCCESS, Cli.run("compile", model().toString(), "-o", out.toString()).code());
        byte[] wasm = Files.readAllBytes(out);
        Cli.Result r = Cli.run("report", model().toString(), "--json");
        assertEquals(ExitCodes.SUCCESS, r.code(), r::toString);
        JsonObject totals = JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonObject("totals");
        assertEquals(wasm.length, totals.get("module_bytes").getAsInt());
        assertEquals(section(wasm, "code"), totals.get("code_bytes").getAsInt());
        assertEquals(section(wasm, "data"), totals.get("data_bytes").getAsInt());
        assertEquals(1000 * 4, totals.get("weight_bytes").getAsInt());
        assertFalse(Files.exists(dir.resolve("model.wasm")), "report writes no module");
    }

    @Test
    void textReportHasAHeaderAndTotals() {
        Cli.Result r = Cli.run("report", model().toString());
        assertEquals(ExitCodes.SUCCESS, r.code(), r::toString);
        assertTrue(r.out().startsWith("node"), r.out());
        assertTrue(r.out().contains("module ") && r.out().contains("arena ") && r.out().contains("MACs"), r.out());
    }

    @Test
    void compileWithReportPrintsTheSummaryThenTheTable() {
        Cli.Result r = Cli.run("compile", model().toString(), "-o", dir.resolve("m.wasm").toString(), "--report");
        assertEquals(ExitCodes.SUCCESS, r.code(), r::toString);
        assertTrue(r.out().startsWith("wrote "), r.out());
        assertTrue(r.out().contains("lower bound"), r.out());
    }

    @Test
    void aModuleOverItsFlashBudgetIsNotWritten() {
        Path out = dir.resolve("m.wasm");
        Cli.Result r = Cli.run("compile", model().toString(), "-o", out.toString(), "--max-module-size", "1000");
        assertEquals(ExitCodes.BUDGET_EXCEEDED, r.code(), r::toString);
        assertTrue(r.singleErrorLine().contains("--max-module-size"), r::toString);
        assertFalse(Files.exists(out));
    }

    @Test
    void aModuleOverItsRamBudgetFailsTheReportToo() {
        Cli.Result r = Cli.run("report", model().toString(), "--max-memory", "4096");
        assertEquals(ExitCodes.BUDGET_EXCEEDED, r.code(), r::toString);
        assertTrue(r.singleErrorLine().contains("--max-memory"), r::toString);
    }

    @Test
    void anUnknownPassForDumpIrAfterIsAUsageError() {
        Cli.Result r = Cli.run("compile", model().toString(), "-o", dir.resolve("m.wasm").toString(),
                "--dump-ir-after", "no-such-pass");
        assertEquals(ExitCodes.USAGE, r.code(), r::toString);
        assertTrue(r.singleErrorLine().contains("dead-code"), "lists the real passes: " + r);
    }

    @Test
    void jsonWithoutReportIsAUsageError() {
        Cli.Result r = Cli.run("compile", model().toString(), "--json");
        assertEquals(ExitCodes.USAGE, r.code(), r::toString);
    }
}
