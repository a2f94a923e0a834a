package dev.edgec.core.ops.reduce;

import dev.edgec.core.lower.FloatArith;

/** ReduceSum (opsets 1-21; axes is an input from opset 13): the sum of the elements. */
final class ReduceSumOp extends ReduceOp {
    @Override
    protected double identity() {
        return 0;
    }

    @Override
    protected void emitCombine(FloatArith a) {
        a.add();
    }

    @Override
    protected int axesInputSince() {
        return 13;
    }
}
