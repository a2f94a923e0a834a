package dev.edgec.core.ops.linalg;

/** Softmax (opsets 1-21): exp(x - max) / Σ exp(x - max) along the axis (see {@link SoftmaxFamilyOp}). */
final class SoftmaxOp extends SoftmaxFamilyOp {
    @Override
    protected boolean logarithmic() {
        return false;
    }
}
