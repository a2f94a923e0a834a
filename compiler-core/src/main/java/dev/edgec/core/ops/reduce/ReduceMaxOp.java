package dev.edgec.core.ops.reduce;

import dev.edgec.core.lower.FloatArith;

/** ReduceMax (opsets 1-21; axes is an input from opset 18): the largest element (NaN if any is NaN). */
final class ReduceMaxOp extends ReduceOp {
    @Override
    protected double identity() {
        return Double.NEGATIVE_INFINITY;
    }

    @Override
    protected void emitCombine(FloatArith a) {
        a.max();
    }
}
