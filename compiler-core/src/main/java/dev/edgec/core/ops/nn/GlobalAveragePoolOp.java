package dev.edgec.core.ops.nn;

/** ONNX GlobalAveragePool (opsets 1–21, float32): the mean of each N x C plane over its spatial dimensions. */
public final class GlobalAveragePoolOp extends GlobalPoolOp {
    public GlobalAveragePoolOp() {
        super(PoolKernel.Kind.AVERAGE);
    }
}
