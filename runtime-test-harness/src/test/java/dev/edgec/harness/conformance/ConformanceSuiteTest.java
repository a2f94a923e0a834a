package dev.edgec.harness.conformance;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The ONNX backend test suite (Debian's libonnx-testdata), one dynamic test per case. Cases in the
 * expectations list are skipped with their reason; a listed case that passes, or an unlisted case
 * that fails, fails the build. {@code -Dedgec.conformance.bless=true} rewrites the list instead.
 */
class ConformanceSuiteTest {
    private static final Path DATA = Path.of(System.getProperty("edgec.onnx.testdata", "/usr/share/libonnx-testdata/data"));
    private static final List<String> SUITES = List.of("node", "pytorch-converted", "pytorch-operator", "simple");
    private static final boolean BLESS = Boolean.getBoolean("edgec.conformance.bless");
    private static final Map<String, Expectations.Entry> BLESSED = new TreeMap<>();
    private static final Map<String, int[]> TALLY = new TreeMap<>();

    /** Surefire runs tests in the module's folder, so the source copy is found (and blessed) there. */
    static Path expectationsFile() {
        return Path.of("src/test/resources/conformance/expectations.txt");
    }

    @TestFactory
    Stream<DynamicTest> onnxBackendSuite() throws IOException {
        if (!Files.isDirectory(DATA)) {
            if (System.getenv("CI") != null) {
                fail("ONNX test data missing at " + DATA + ": .ci/run must install libonnx-testdata");
            }
            Assumptions.abort("ONNX test data not installed at " + DATA + " (apt-get install libonnx-testdata)");
        }
        Expectations expected = Expectations.read(expectationsFile());
        ConformanceRunner runner = new ConformanceRunner();
        List<DynamicTest> tests = new ArrayList<>();
        for (ConformanceCase c : ConformanceCase.discover(DATA, SUITES)) {
            tests.add(DynamicTest.dynamicTest(c.id(), () -> check(runner, c, expected.get(c.id()))));
        }
        return tests.stream();
    }

    private static void check(ConformanceRunner runner, ConformanceCase c, Expectations.Entry listed) {
        Outcome o = runner.run(c);
        int[] t = TALLY.computeIfAbsent(c.suite(), k -> new int[2]);
        t[o.passed() ? 0 : 1]++;
        if (BLESS) {
            if (!o.passed()) {
                String category = listed != null ? listed.category() : o.category();
                BLESSED.put(c.id(), new Expectations.Entry(category, listed != null && !listed.note().isEmpty()
                        ? listed.note() : shorten(o.message())));
            }
            return;
        }
        if (listed != null) {
            if (o.passed()) {
                fail(c.id() + " is listed as " + listed.category() + " but passes: remove it from " + expectationsFile().getFileName());
            }
            Assumptions.abort(listed.category() + (listed.note().isEmpty() ? "" : ": " + listed.note()));
        }
        if (!o.passed()) {
            fail(c.id() + " [" + o.category() + "] " + o.message());
        }
    }

    private static String shorten(String s) {
        if (s == null) {
            return "";
        }
        String one = s.replace('\n', ' ');
        return one.length() > 160 ? one.substring(0, 160) + "…" : one;
    }

    @AfterAll
    static void summarize() throws IOException {
        TALLY.forEach((suite, t) -> System.out.println("conformance " + suite + ": " + t[0] + " passed, " + t[1] + " not passing"));
        if (BLESS) {
            Expectations.write(expectationsFile(), BLESSED);
            System.out.println("wrote " + BLESSED.size() + " entries to " + expectationsFile());
        }
    }
}
