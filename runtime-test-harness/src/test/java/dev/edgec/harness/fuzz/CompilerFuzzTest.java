package dev.edgec.harness.fuzz;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import dev.edgec.core.onnx.OnnxImporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Mutated models must either compile to a module that validates and runs without trapping, or fail
 * with edgec's own error type; never another exception, a hang or running out of memory
 * ({@link FuzzOracle}). A failing mutant is written to {@code target/fuzz-failures/}; copy it to
 * {@code src/test/resources/fuzz-regressions/} and {@link #regressions()} replays it for good.
 * Long runs: {@code -Dedgec.fuzz.tries=20000} [{@code -Dedgec.fuzz.seedModel=seed_qdq}] (see docs/fuzzing.md).
 */
class CompilerFuzzTest {
    private static final List<byte[]> SEEDS = FuzzSeeds.all();
    static final Duration PER_CASE = Duration.ofSeconds(20);
    static final Path FAILURES = Path.of("target/fuzz-failures");

    @Property(tries = 300, seed = "20261125")
    void mutatedModelsFailCleanlyOrCompileToValidModules(@ForAll long seed) throws IOException {
        ModelMutator.Mutant m = mutant(seed);
        FuzzOracle.Problem problem = assertTimeoutPreemptively(PER_CASE, () -> FuzzOracle.check(m.bytes()),
                () -> "mutation '" + m.description() + "' (seed " + seed + ") took over " + PER_CASE);
        if (problem != null) {
            Path file = save(m.bytes(), "seed-" + Long.toUnsignedString(seed, 16));
            fail("mutation '" + m.description() + "' (seed " + seed + ", saved to " + file + "): " + problem.message());
        }
    }

    /** The long run: {@code -Dedgec.fuzz.tries=N} cases, reporting every distinct failure at the end. */
    @Test
    @EnabledIfSystemProperty(named = "edgec.fuzz.tries", matches = "\\d+")
    void longRun() throws Exception {
        long tries = Long.parseLong(System.getProperty("edgec.fuzz.tries"));
        long first = Long.parseLong(System.getProperty("edgec.fuzz.seed", "1"));
        // -Dedgec.fuzz.seedModel=NAME: only the seed models whose graph name contains NAME (e.g. seed_qdq, lenet)
        String only = System.getProperty("edgec.fuzz.seedModel", "");
        List<byte[]> seeds = SEEDS.stream().filter(b -> OnnxImporter.parse(b).getGraph().getName().contains(only)).toList();
        if (seeds.isEmpty()) {
            fail("no seed model's graph name contains '" + only + "'");
        }
        String report = new LongFuzzRun(seeds, PER_CASE).run(first, tries);
        System.out.println(report);
        if (!report.contains("distinct failures: 0")) {
            fail(report);
        }
    }

    static ModelMutator.Mutant mutant(long seed) {
        byte[] base = SEEDS.get((int) Math.floorMod(seed, (long) SEEDS.size()));
        return ModelMutator.mutate(base, seed);
    }

    static Path save(byte[] model, String name) throws IOException {
        Files.createDirectories(FAILURES);
        Path file = FAILURES.resolve(name + ".onnx");
        Files.write(file, model);
        return file;
    }

    @TestFactory
    Stream<DynamicTest> regressions() throws IOException {
        Path dir = Path.of("src/test/resources/fuzz-regressions");
        if (!Files.isDirectory(dir)) {
            return Stream.empty();
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".onnx")).sorted().toList();
        }
        return files.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            FuzzOracle.Problem problem = assertTimeoutPreemptively(PER_CASE, () -> FuzzOracle.check(Files.readAllBytes(p)));
            if (problem != null) {
                fail(problem.message());
            }
        }));
    }
}
