package dev.edgec.core.ops.reduce;

import dev.edgec.core.lower.FloatArith;
import dev.edgec.core.lower.KernelWriter;

/** ReduceMean (opsets 1-21; axes is an input from opset 18): the sum divided by the element count. */
final class ReduceMeanOp extends ReduceOp {
    @Override
    protected double identity() {
        return 0;
    }

    @Override
    protected void emitCombine(FloatArith a) {
        a.add();
    }

    @Override
    protected void emitFinish(KernelWriter k, FloatArith a, int count) {
        a.constant(count).div();
    }
}
