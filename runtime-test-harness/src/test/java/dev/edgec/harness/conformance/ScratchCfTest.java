package dev.edgec.harness.conformance;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScratchCfTest {
    @Test
    void run() throws Exception {
        List<String> ids = List.of("node/test_if", "node/test_loop11", "node/test_scan_sum", "node/test_scan9_sum",
                "node/test_range_float_type_positive_delta_expanded", "node/test_range_int32_type_negative_delta_expanded");
        for (int level : new int[] {0, 1}) {
            ConformanceRunner r = new ConformanceRunner(level);
            for (ConformanceCase c : ConformanceCase.discover(Path.of("/usr/share/libonnx-testdata/data"), List.of("node"))) {
                if (ids.contains(c.id())) {
                    Outcome o = r.run(c);
                    System.out.println("SCRATCH -O" + level + " " + c.id() + " " + o.passed() + " " + o.message());
                }
            }
        }
    }
}
