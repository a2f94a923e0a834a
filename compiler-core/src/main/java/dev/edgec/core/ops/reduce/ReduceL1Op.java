package dev.edgec.core.ops.reduce;

import dev.edgec.core.lower.FloatArith;
import dev.edgec.core.lower.KernelWriter;

/** ReduceL1 (opsets 1-21; axes is an input from opset 18): the sum of absolute values. */
final class ReduceL1Op extends ReduceOp {
    @Override
    protected double identity() {
        return 0;
    }

    @Override
    protected void emitCombine(FloatArith a) {
        a.add();
    }

    @Override
    protected void emitMap(KernelWriter k, FloatArith a) {
        a.abs();
    }
}
