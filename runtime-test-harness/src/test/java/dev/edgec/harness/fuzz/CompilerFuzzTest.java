package dev.edgec.harness.fuzz;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import dev.edgec.cli.runtime.ChicoryRuntime;
import dev.edgec.cli.runtime.ModuleRunner;
import dev.edgec.core.CompileOptions;
import dev.edgec.core.CompileResult;
import dev.edgec.core.Compiler;
import dev.edgec.harness.ModelCheck;
import dev.edgec.harness.WabtValidator;
import dev.edgec.ir.EdgecException;
import dev.edgec.ir.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Mutated models must either compile to a module that validates and runs without trapping, or fail
 * with edgec's own error type; never another exception, a hang or running out of memory. A failing
 * mutant is written to {@code target/fuzz-failures/}; copy it to {@code src/test/resources/fuzz-regressions/}
 * and {@link #regressions()} replays it for good. Longer runs: {@code -Dedgec.fuzz.tries=100000}
 * (see docs/fuzzing.md).
 */
class CompilerFuzzTest {
    private static final List<byte[]> SEEDS = FuzzSeeds.all();
    private static final Duration PER_CASE = Duration.ofSeconds(20);

    @Property(tries = 300, seed = "20261125")
    void mutatedModelsFailCleanlyOrCompileToValidModules(@ForAll long seed) throws IOException {
        byte[] base = SEEDS.get((int) Math.floorMod(seed, (long) SEEDS.size()));
        ModelMutator.Mutant m = ModelMutator.mutate(base, seed);
        String problem = assertTimeoutPreemptively(PER_CASE, () -> check(m.bytes()));
        if (problem != null) {
            Path dir = Path.of("target/fuzz-failures");
            Files.createDirectories(dir);
            Path file = dir.resolve("seed-" + Long.toUnsignedString(seed, 16) + ".onnx");
            Files.write(file, m.bytes());
            fail("mutation '" + m.description() + "' (seed " + seed + ", saved to " + file + "): " + problem);
        }
    }

    /** Null when the compiler behaved; otherwise what went wrong. */
    static String check(byte[] model) {
        CompileResult compiled;
        try {
            compiled = new Compiler().compile(model, CompileOptions.defaults());
        } catch (EdgecException e) {
            return e.getMessage() == null || e.getMessage().isBlank() ? "error without a message: " + e : null;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return "compiler threw " + e;
        }
        byte[] wasm = compiled.moduleBytes();
        if (WabtValidator.available()) {
            String invalid = WabtValidator.validateMvp(wasm);
            if (invalid != null) {
                return "module does not validate: " + invalid;
            }
        }
        try (ModuleRunner runner = new ModuleRunner(wasm, new ChicoryRuntime())) {
            Map<String, Tensor> inputs = ModelCheck.randomInputs(compiled, 1);
            runner.run(new ArrayList<>(inputs.values()));
        } catch (RuntimeException e) {
            return "module failed to run: " + e;
        }
        return null;
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
            String problem = assertTimeoutPreemptively(PER_CASE, () -> check(Files.readAllBytes(p)));
            if (problem != null) {
                fail(problem);
            }
        }));
    }
}
