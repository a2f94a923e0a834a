package dev.edgec.harness.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Optimizing changes no result: a sample (every {@value #STRIDE}rd) of the conformance cases that pass
 * is compiled at -O0 and at -O1, and both modules must match the case's reference outputs
 * ({@link ConformanceSuiteTest} runs every case at the default level).
 */
class OptimizationLevelsConformanceTest {
    private static final int STRIDE = 3;
    private static final Path DATA = Path.of(System.getProperty("edgec.onnx.testdata", "/usr/share/libonnx-testdata/data"));

    @TestFactory
    Stream<DynamicTest> sampledCasesPassAtBothLevels() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(DATA), "ONNX test data not installed at " + DATA);
        Expectations expected = Expectations.read(ConformanceSuiteTest.expectationsFile());
        ConformanceRunner o0 = new ConformanceRunner(0);
        ConformanceRunner o1 = new ConformanceRunner(1);
        List<DynamicTest> tests = new ArrayList<>();
        int passing = 0;
        for (ConformanceCase c : ConformanceCase.discover(DATA, List.of("node", "pytorch-converted", "pytorch-operator", "simple"))) {
            if (expected.get(c.id()) != null || passing++ % STRIDE != 0) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(c.id(), () -> {
                Outcome at0 = o0.run(c);
                assertTrue(at0.passed(), () -> "-O0: " + at0.message());
                Outcome at1 = o1.run(c);
                assertTrue(at1.passed(), () -> "-O1: " + at1.message());
            }));
        }
        return tests.stream();
    }
}
