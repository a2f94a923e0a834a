package dev.edgec.core.ops.reduce;

import dev.edgec.core.lower.FloatArith;
import dev.edgec.core.lower.KernelWriter;

/** ReduceSumSquare (opsets 1-21; axes is an input from opset 18): the sum of the squares. */
final class ReduceSumSquareOp extends ReduceOp {
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
}
