package dev.edgec.core;

import dev.edgec.core.onnx.ImportOptions;
import dev.edgec.ir.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Everything that changes what a compile produces. {@link #describe()} is recorded in the module
 * signature, so two modules built with different options say so.
 *
 * @param inputShapes       fixed shapes for graph inputs, by name
 * @param frozenInputs      graph inputs baked in as constants, by name
 * @param optimizationLevel 0 = none, 1 = default
 * @param maxTensorBytes    largest tensor a model may declare
 * @param dumpIrAfter       names of optimizer passes after which to print the IR (debugging only)
 * @param integerOnly       the module must have no float instruction: quantized edges become its int8/uint8
 *                          inputs and outputs, and every operator must have an integer kernel
 */
public record CompileOptions(Map<String, long[]> inputShapes, Map<String, Tensor> frozenInputs, int optimizationLevel,
                             long maxTensorBytes, Set<String> dumpIrAfter, boolean integerOnly) {
    public CompileOptions {
        inputShapes = new LinkedHashMap<>(inputShapes);
        frozenInputs = new LinkedHashMap<>(frozenInputs);
        dumpIrAfter = Set.copyOf(dumpIrAfter);
        if (optimizationLevel < 0 || optimizationLevel > 1) {
            throw new IllegalArgumentException("optimization level must be 0 or 1, got " + optimizationLevel);
        }
    }

    public CompileOptions(Map<String, long[]> inputShapes, Map<String, Tensor> frozenInputs, int optimizationLevel,
                          long maxTensorBytes) {
        this(inputShapes, frozenInputs, optimizationLevel, maxTensorBytes, Set.of());
    }

    public CompileOptions(Map<String, long[]> inputShapes, Map<String, Tensor> frozenInputs, int optimizationLevel,
                          long maxTensorBytes, Set<String> dumpIrAfter) {
        this(inputShapes, frozenInputs, optimizationLevel, maxTensorBytes, dumpIrAfter, false);
    }

    public static CompileOptions defaults() {
        return new CompileOptions(Map.of(), Map.of(), 1, ImportOptions.DEFAULT_MAX_TENSOR_BYTES, Set.of());
    }

    public CompileOptions withInputShapes(Map<String, long[]> shapes) {
        return new CompileOptions(shapes, frozenInputs, optimizationLevel, maxTensorBytes, dumpIrAfter, integerOnly);
    }

    public CompileOptions withFrozenInputs(Map<String, Tensor> frozen) {
        return new CompileOptions(inputShapes, frozen, optimizationLevel, maxTensorBytes, dumpIrAfter, integerOnly);
    }

    public CompileOptions withOptimizationLevel(int level) {
        return new CompileOptions(inputShapes, frozenInputs, level, maxTensorBytes, dumpIrAfter, integerOnly);
    }

    public CompileOptions withMaxTensorBytes(long max) {
        return new CompileOptions(inputShapes, frozenInputs, optimizationLevel, max, dumpIrAfter, integerOnly);
    }

    public CompileOptions withDumpIrAfter(Set<String> passes) {
        return new CompileOptions(inputShapes, frozenInputs, optimizationLevel, maxTensorBytes, passes, integerOnly);
    }

    public CompileOptions withIntegerOnly(boolean on) {
        return new CompileOptions(inputShapes, frozenInputs, optimizationLevel, maxTensorBytes, dumpIrAfter, on);
    }

    ImportOptions importOptions() {
        return new ImportOptions(inputShapes, frozenInputs, null, maxTensorBytes);
    }

    /** The options as sorted key/value strings for the signature. */
    public Map<String, String> describe() {
        Map<String, String> m = new TreeMap<>();
        m.put("opt_level", String.valueOf(optimizationLevel));
        if (integerOnly) {
            m.put("integer_only", "true");
        }
        inputShapes.forEach((k, v) -> m.put("input_shape." + k, Arrays.toString(v)));
        frozenInputs.forEach((k, v) -> m.put("frozen_input." + k, v.type().toString()));
        return m;
    }
}
