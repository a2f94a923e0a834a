package dev.edgec.harness.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** {@code docs/operators.md} is generated: this fails when it is stale; {@code -Dedgec.bless=true} rewrites it. */
class SupportTableTest {
    private static final Path DATA = Path.of(System.getProperty("edgec.onnx.testdata", "/usr/share/libonnx-testdata/data"));

    @Test
    void committedSupportTableIsUpToDate() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(DATA) || System.getenv("CI") != null, "ONNX test data not installed");
        Path doc = Path.of(System.getProperty("edgec.repoRoot", "..")).resolve("docs/operators.md");
        String fresh = SupportTable.generate(DATA);
        if (Boolean.getBoolean("edgec.bless")) {
            Files.writeString(doc, fresh, StandardCharsets.UTF_8);
            return;
        }
        String committed = Files.exists(doc) ? Files.readString(doc, StandardCharsets.UTF_8) : "";
        assertEquals(committed, fresh, "docs/operators.md is stale: regenerate it (command in its header)");
    }
}
