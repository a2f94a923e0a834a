package dev.edgec.harness;

import dev.edgec.cli.runtime.ChicoryRuntime;
import dev.edgec.cli.runtime.ModuleRunner;
import dev.edgec.cli.runtime.WasmRuntime;
import dev.edgec.core.CompileOptions;
import dev.edgec.core.CompileResult;
import dev.edgec.core.Compiler;
import dev.edgec.core.abi.TensorSpec;
import dev.edgec.ir.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Compiles a model, checks the module with wasm-validate (MVP profile), runs it, and compares every
 * output with ONNX Runtime. Tests call it and fail with its message.
 */
public final class ModelCheck {
    private ModelCheck() {
    }

    /** Random inputs (seeded) for every input of the compiled signature, by name. */
    public static Map<String, Tensor> randomInputs(CompileResult compiled, long seed) {
        Random rnd = new Random(seed);
        Map<String, Tensor> inputs = new LinkedHashMap<>();
        for (TensorSpec s : compiled.signature().inputs()) {
            inputs.put(s.name(), RandomTensors.of(s.type(), rnd));
        }
        return inputs;
    }

    /**
     * Null when the module edgec compiles from {@code model} validates and matches ONNX Runtime on
     * {@code inputs} in {@code runtime}, else a message saying what differs.
     */
    public static String mismatch(byte[] model, Map<String, Tensor> inputs, Tolerance tolerance, WasmRuntime runtime) {
        CompileResult compiled = new Compiler().compile(model, CompileOptions.defaults());
        return mismatch(model, compiled, inputs, tolerance, runtime);
    }

    public static String mismatch(byte[] model, CompileResult compiled, Map<String, Tensor> inputs, Tolerance tolerance,
                                  WasmRuntime runtime) {
        byte[] wasm = compiled.moduleBytes();
        if (WabtValidator.available()) {
            String invalid = WabtValidator.validateMvp(wasm);
            if (invalid != null) {
                return "wasm-validate (MVP) rejects the module: " + invalid;
            }
        }
        List<Tensor> reference;
        try (OrtReference ort = new OrtReference(model)) {
            reference = ort.run(inputs);
        }
        List<Tensor> ordered = new ArrayList<>();
        for (TensorSpec s : compiled.signature().inputs()) {
            ordered.add(inputs.get(s.name()));
        }
        List<Tensor> actual;
        try (ModuleRunner m = new ModuleRunner(wasm, runtime)) {
            actual = m.run(ordered);
        }
        for (int i = 0; i < reference.size(); i++) {
            String why = tolerance.mismatch(actual.get(i), reference.get(i));
            if (why != null) {
                return runtime.name() + ": output '" + compiled.signature().outputs().get(i).name() + "': " + why;
            }
        }
        return null;
    }

    /** Compiles, validates and runs in Chicory on seeded random inputs; null when it matches ONNX Runtime. */
    public static String mismatchOnRandomInputs(byte[] model, long seed, Tolerance tolerance) {
        CompileResult compiled = new Compiler().compile(model, CompileOptions.defaults());
        return mismatch(model, compiled, randomInputs(compiled, seed), tolerance, new ChicoryRuntime());
    }
}
