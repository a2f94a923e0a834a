package dev.edgec.core.ops.nn;

/** ONNX GlobalMaxPool (opsets 1–21, float32): the maximum of each N x C plane over its spatial dimensions. */
public final class GlobalMaxPoolOp extends GlobalPoolOp {
    public GlobalMaxPoolOp() {
        super(PoolKernel.Kind.MAX);
    }
}
