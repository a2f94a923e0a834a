package dev.edgec.core.ops.reduce;

import dev.edgec.core.lower.FloatArith;

/** ReduceProd (opsets 1-21; axes is an input from opset 18): the product of the elements. */
final class ReduceProdOp extends ReduceOp {
    @Override
    protected double identity() {
        return 1;
    }

    @Override
    protected void emitCombine(FloatArith a) {
        a.mul();
    }
}
