package dev.edgec.core.onnx;

import dev.edgec.ir.Tensor;
import java.nio.file.Path;
import java.util.Map;

/**
 * How to import a model.
 *
 * @param inputShapes    shapes that fix graph inputs' symbolic (or all) dimensions, by input name
 * @param frozenInputs   graph inputs to bake in as constants, by name (they leave the signature)
 * @param baseDir        the model's folder, for external data; null when the model came from memory
 * @param maxTensorBytes the largest tensor a model may declare, checked before allocation
 */
public record ImportOptions(Map<String, long[]> inputShapes, Map<String, Tensor> frozenInputs, Path baseDir,
                            long maxTensorBytes) {
    /** Wasm32 memory is 4 GiB; edgec caps one tensor at 1 GiB by default. */
    public static final long DEFAULT_MAX_TENSOR_BYTES = 1L << 30;

    public ImportOptions {
        inputShapes = Map.copyOf(inputShapes);
        frozenInputs = Map.copyOf(frozenInputs);
    }

    public static ImportOptions defaults() {
        return new ImportOptions(Map.of(), Map.of(), null, DEFAULT_MAX_TENSOR_BYTES);
    }

    public ImportOptions withBaseDir(Path dir) {
        return new ImportOptions(inputShapes, frozenInputs, dir, maxTensorBytes);
    }
}
