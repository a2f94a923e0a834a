package dev.edgec.harness.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import dev.edgec.cli.runtime.WasmInstance;
import dev.edgec.core.abi.RunStatus;
import dev.edgec.core.abi.TensorSpec;
import dev.edgec.harness.WabtValidator;
import dev.edgec.harness.WasmtimeRuntime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * ABI v1's safety promises, for every module edgec compiles from the zoo and the conformance suite:
 * no imports, valid under the MVP feature profile, and a {@code run()} that returns a status
 * {@link RunStatus} defines (never traps) on adversarial input bytes. Runs in wasmtime.
 */
class ModuleSafetyTest {
    private static final WasmtimeRuntime RUNTIME = new WasmtimeRuntime();

    @TestFactory
    Stream<DynamicTest> modulesHaveNoImportsAndValidateAsMvp() {
        List<SafetyCorpus.Module> modules = SafetyCorpus.modules();
        assertFalse(modules.isEmpty(), "no module compiled");
        boolean wabt = WabtValidator.available();
        return modules.stream().map(m -> DynamicTest.dynamicTest(m.name(), () -> {
            WasmModule parsed = Parser.parse(m.wasm());
            assertEquals(0, parsed.importSection().importCount(), "imports");
            if (wabt) {
                assertNull(WabtValidator.validateMvp(m.wasm()));
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> runSurvivesEveryAdversarialPattern() {
        return SafetyCorpus.modules().stream().map(m -> DynamicTest.dynamicTest(m.name(), () -> {
            try (WasmInstance instance = RUNTIME.instantiate(m.wasm())) {
                for (AdversarialInputs pattern : AdversarialInputs.values()) {
                    String problem = runOnce(m, instance, pattern, new Random(pattern.ordinal()));
                    if (problem != null) {
                        fail(pattern + ": " + problem);
                    }
                }
            }
        }));
    }

    /** Random bit patterns (and mixed specials) on a random module, a fresh instance each time. */
    @Property(tries = 150, seed = "20261125")
    void randomBitsNeverTrap(@ForAll @IntRange(min = 0, max = 1 << 20) int which, @ForAll long seed) {
        List<SafetyCorpus.Module> modules = SafetyCorpus.modules();
        SafetyCorpus.Module m = modules.get(which % modules.size());
        AdversarialInputs pattern = seed % 2 == 0 ? AdversarialInputs.RANDOM_BITS : AdversarialInputs.MIXED;
        try (WasmInstance instance = RUNTIME.instantiate(m.wasm())) {
            String problem = runOnce(m, instance, pattern, new Random(seed));
            assertNull(problem, () -> m.name() + " " + pattern + " (seed " + seed + "): " + problem);
        }
    }

    /** Null when run() returned a defined status on this pattern; otherwise what happened. */
    static String runOnce(SafetyCorpus.Module m, WasmInstance instance, AdversarialInputs pattern, Random rnd) {
        List<TensorSpec> inputs = m.signature().inputs();
        List<String> written = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            TensorSpec s = inputs.get(i);
            instance.write(instance.call("input_ptr", i), pattern.fill(s.type(), rnd).bytes());
            written.add(s.name() + ":" + s.type());
        }
        int status;
        try {
            status = instance.call("run");
        } catch (RuntimeException e) {
            return "run() trapped on inputs " + written + ": " + e.getMessage();
        }
        RunStatus defined = RunStatus.of(status);
        return defined == null ? "run() returned " + status + ", which ABI v1 does not define" : null;
    }
}
