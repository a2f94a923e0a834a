package dev.edgec.core.ops.nn;

import dev.edgec.core.ops.OperatorRegistry;

/** Registers the neural-network operators: convolution, pooling, normalization. */
public final class NnOperators {
    private NnOperators() {
    }

    public static void registerAll(OperatorRegistry r) {
        r.register("Conv", 1, 21, new ConvOp());
        r.register("MaxPool", 1, 21, new MaxPoolOp());
        r.register("AveragePool", 1, 21, new AveragePoolOp());
        r.register("GlobalAveragePool", 1, 21, new GlobalAveragePoolOp());
        r.register("GlobalMaxPool", 1, 21, new GlobalMaxPoolOp());
        r.register("BatchNormalization", 6, 21, new BatchNormalizationOp());
        r.register("LayerNormalization", 17, 21, new LayerNormalizationOp());
        r.register("InstanceNormalization", 1, 21, new InstanceNormalizationOp());
        r.register("MeanVarianceNormalization", 9, 21, new MeanVarianceNormalizationOp());
        r.register("TopK", 1, 21, new TopKOp());
        r.register("ConvTranspose", 1, 21, new ConvTransposeOp());
        r.register("Einsum", 12, 21, new EinsumOp());
        r.register("LRN", 1, 21, new LrnOp());
        r.register("LpPool", 1, 21, new LpPoolOp());
        r.register("Resize", 10, 21, new ResizeOp());
        r.register("Upsample", 7, 9, new UpsampleOp());
        r.register("GridSample", 16, 21, new GridSampleOp());
        r.register("RoiAlign", 10, 21, new RoiAlignOp());
        r.register("MaxUnpool", 9, 21, new MaxUnpoolOp());
    }
}
