package dev.edgec.core.ops.reduce;

import dev.edgec.core.lower.FloatArith;
import dev.edgec.core.lower.KernelWriter;

/** ReduceLogSum (opsets 1-21; axes is an input from opset 18): the log of the sum (error of LOG_F32, 1 ulp, after the sum). */
final class ReduceLogSumOp extends ReduceOp {
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
        k.code().call(k.mathFunction(a.log()));
    }
}
