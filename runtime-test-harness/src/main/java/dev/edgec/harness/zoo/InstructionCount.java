package dev.edgec.harness.zoo;

import dev.edgec.cli.runtime.ChicoryRuntime;
import dev.edgec.cli.runtime.ModuleRunner;
import dev.edgec.core.CompileResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The wasm instructions one inference executes, float module against int8 module, per zoo model: in
 * an interpreter such as Chicory the time follows this count, and unlike a timing it does not move with
 * the machine's load. The int8 module is the one of {@code edgec compile --quantize int8 --calibration
 * random:8}; both run on the zoo's seeded input. {@code java ... dev.edgec.harness.zoo.InstructionCount
 * [model ...]} (default: every zoo model).
 */
public final class InstructionCount {
    private InstructionCount() {
    }

    public static void main(String[] args) throws Exception {
        List<String> models = args.length > 0 ? List.of(args)
                : List.of("mlp", "lenet", "autoencoder", "ds_cnn", "resnet8", "mobilenet_v1_025");
        System.out.println("model | float instructions | int8 instructions | int8/float");
        for (String name : models) {
            FloatAndInt8Modules modules = FloatAndInt8Modules.zoo(name);
            long f = count(modules.floatModule());
            long q = count(modules.int8Module());
            System.out.printf("%s | %d | %d | %.3f%n", name, f, q, (double) q / f);
        }
    }

    /** Instructions executed by one inference on the zoo's seeded input (run(), plus the few of input_ptr/output_ptr). */
    static long count(CompileResult module) {
        long[] executed = new long[1];
        try (ModuleRunner runner = new ModuleRunner(module.moduleBytes(), new ChicoryRuntime((ins, stack) -> executed[0]++))) {
            runner.run(new ArrayList<>(ZooEvaluation.inputs(module, 1).values()));
            return executed[0];
        }
    }
}
