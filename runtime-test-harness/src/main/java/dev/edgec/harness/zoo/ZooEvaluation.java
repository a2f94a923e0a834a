package dev.edgec.harness.zoo;

import com.dylibso.chicory.wasm.Parser;
import dev.edgec.cli.runtime.ModuleRunner;
import dev.edgec.cli.runtime.WasmRuntime;
import dev.edgec.core.CompileResult;
import dev.edgec.core.abi.TensorSpec;
import dev.edgec.harness.OrtReference;
import dev.edgec.harness.RandomTensors;
import dev.edgec.harness.Tolerance;
import dev.edgec.ir.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Runs a compiled zoo model in one wasm runtime on seeded random inputs and compares every output
 * with ONNX Runtime. The module is instantiated once and run once per input, as a host would.
 */
public final class ZooEvaluation {
    /** The seeds of the zoo's random inputs (floats uniform in [-1, 1)). */
    public static final List<Long> SEEDS = List.of(1L, 2L, 3L);

    /** What one runtime did on the seeded inputs. */
    public record RuntimeResult(String runtime, int inputs, double maxAbsError, String firstMismatch, long millis) {
        public boolean matches() {
            return firstMismatch == null;
        }
    }

    private ZooEvaluation() {
    }

    /** Number of imports in the module, as Chicory's parser reads it (parsing is itself a check). */
    public static int importCount(byte[] wasm) {
        return Parser.parse(wasm).importSection().importCount();
    }

    /** The seeded random inputs for {@code compiled}'s signature, by input name. */
    public static Map<String, Tensor> inputs(CompileResult compiled, long seed) {
        Random rnd = new Random(seed);
        Map<String, Tensor> inputs = new LinkedHashMap<>();
        for (TensorSpec s : compiled.signature().inputs()) {
            inputs.put(s.name(), RandomTensors.of(s.type(), rnd));
        }
        return inputs;
    }

    /**
     * Runs {@code compiled} in {@code runtime} on the inputs of {@code seeds} and compares with ONNX
     * Runtime on {@code onnx} under {@code tolerance}; the result holds the largest absolute error
     * over all outputs and inputs, and the first mismatch (or null).
     */
    public static RuntimeResult evaluate(byte[] onnx, CompileResult compiled, WasmRuntime runtime, List<Long> seeds,
                                         Tolerance tolerance) {
        long start = System.nanoTime();
        double worst = 0;
        String mismatch = null;
        try (OrtReference ort = new OrtReference(onnx);
             ModuleRunner module = new ModuleRunner(compiled.moduleBytes(), runtime)) {
            for (long seed : seeds) {
                Map<String, Tensor> inputs = inputs(compiled, seed);
                List<Tensor> reference = ort.run(inputs);
                List<Tensor> ordered = new ArrayList<>(inputs.values());
                List<Tensor> actual = module.run(ordered);
                for (int i = 0; i < reference.size(); i++) {
                    String name = compiled.signature().outputs().get(i).name();
                    String why = tolerance.mismatch(actual.get(i), reference.get(i));
                    if (why != null && mismatch == null) {
                        mismatch = runtime.name() + ", seed " + seed + ", output '" + name + "': " + why;
                    }
                    if (why == null || actual.get(i).type().equals(reference.get(i).type())) {
                        worst = Math.max(worst, Tolerance.maxAbsError(actual.get(i), reference.get(i)));
                    }
                }
            }
        }
        return new RuntimeResult(runtime.name(), seeds.size(), worst, mismatch, (System.nanoTime() - start) / 1_000_000);
    }
}
