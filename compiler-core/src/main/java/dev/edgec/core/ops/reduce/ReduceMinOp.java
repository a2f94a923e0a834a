package dev.edgec.core.ops.reduce;

import dev.edgec.core.lower.FloatArith;

/** ReduceMin (opsets 1-21; axes is an input from opset 18): the smallest element (NaN if any is NaN). */
final class ReduceMinOp extends ReduceOp {
    @Override
    protected double identity() {
        return Double.POSITIVE_INFINITY;
    }

    @Override
    protected void emitCombine(FloatArith a) {
        a.min();
    }
}
