package dev.edgec.core.ops.linalg;

/** LogSoftmax (opsets 1-21): x - max - log Σ exp(x - max) along the axis (see {@link SoftmaxFamilyOp}). */
final class LogSoftmaxOp extends SoftmaxFamilyOp {
    @Override
    protected boolean logarithmic() {
        return true;
    }
}
