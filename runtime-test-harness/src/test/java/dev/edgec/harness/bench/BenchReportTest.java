package dev.edgec.harness.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The benchmark's statistics and report, on made-up figures (the benchmark itself is no unit test). */
class BenchReportTest {
    @Test
    void percentilesInterpolateBetweenRanks() {
        LatencyStats s = LatencyStats.ofNanos(new long[] {5_000_000, 1_000_000, 3_000_000, 2_000_000, 4_000_000});
        assertEquals(5, s.runs());
        assertEquals(3.0, s.medianMs(), 1e-9);
        assertEquals(1.4, s.p10Ms(), 1e-9);
        assertEquals(4.6, s.p90Ms(), 1e-9);
    }

    @Test
    void sharedFileNamesGetTheirFolder() {
        assertEquals(List.of("a/model", "b/model", "lenet"),
                BenchMain.names(List.of(Path.of("/x/a/model.onnx"), Path.of("/x/b/model.onnx"), Path.of("/m/lenet.onnx"))));
    }

    @Test
    void aFailedSystemStaysInTheTablesAndRatiosAreToEdgecInWasmtime() {
        LatencyStats one = LatencyStats.ofNanos(new long[] {1_000_000});
        LatencyStats two = LatencyStats.ofNanos(new long[] {2_000_000});
        List<SystemResult> systems = List.of(
                new SystemResult(BenchSystem.EDGEC_WASMTIME, null, two, two, 1e-7, OptionalLong.empty()),
                new SystemResult(BenchSystem.EDGEC_V8, null, two, two, 1e-7, OptionalLong.of(50_000)),
                SystemResult.failed(BenchSystem.EDGEC_CHICORY, "wrong output: output 0: element 3 is 1.0, reference 2.0"),
                new SystemResult(BenchSystem.ORT_JAVA, null, one, one, 0, OptionalLong.empty()),
                new SystemResult(BenchSystem.ORT_WEB, null, two, two, 1e-7, OptionalLong.of(90_000)));
        ModelResult m = new ModelResult("tiny", 1000, null, 2000, 65536, 100, 900, one, two, null, systems);
        Map<String, String> machine = new LinkedHashMap<>();
        machine.put("date", "2026-01-01 00:00 UTC");
        machine.put("wasmtime-java", "0.19.0");
        BenchSettings settings = new BenchSettings(List.of(), Path.of("out.md"), Path.of("edgec.jar"), Path.of("bench"),
                Path.of("work"), 1, 5, 5, 500, 10, 3);
        String md = BenchReport.markdown(new BenchRun(machine, "1.0", "2.0", 40_000, 14_000_000, 50_000, settings, 60,
                List.of(m)));
        assertTrue(md.contains("| `tiny` | 2.00 (1.00) | 2.00 (1.00) | **failed** | 1.00 (0.50) | 2.00 (1.00) | 2000 / 1000 |"), md);
        assertTrue(md.contains("| edgec · Chicory | **failed**: wrong output: output 0: element 3 is 1.0, reference 2.0 |"), md);
        assertTrue(md.contains("| onnxruntime-web wasm + ONNX file | 14001000 | 7001× |"), md);
        assertTrue(md.contains("ONNX Runtime Java 1.00 ms vs edgec · wasmtime 2.00 ms: edgec is 2.0× slower"), md);
        assertTrue(md.contains("Faster:\n\n- none in this run."), md);
    }
}
