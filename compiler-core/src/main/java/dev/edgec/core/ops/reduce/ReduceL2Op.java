package dev.edgec.core.ops.reduce;

import dev.edgec.core.lower.FloatArith;
import dev.edgec.core.lower.KernelWriter;

/** ReduceL2 (opsets 1-21; axes is an input from opset 18): the square root of the sum of squares. */
final class ReduceL2Op extends ReduceOp {
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
        int t = k.newLocal(a.valType());
        k.code().localTee(t).localGet(t);
        a.mul();
    }

    @Override
    protected void emitFinish(KernelWriter k, FloatArith a, int count) {
        a.sqrt();
    }
}
