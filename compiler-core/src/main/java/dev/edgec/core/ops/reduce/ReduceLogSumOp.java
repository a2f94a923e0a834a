package dev.edgec.core.ops.reduce;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.lower.MathFunction;
import dev.edgec.wasm.Code;

/** ReduceLogSum (opsets 1-21; axes is an input from opset 18): the log of the sum (error of LOG_F32, 1 ulp, after the sum). */
final class ReduceLogSumOp extends ReduceOp {
    @Override
    protected float identity() {
        return 0f;
    }

    @Override
    protected void emitCombine(Code c) {
        c.f32Add();
    }

    @Override
    protected void emitFinish(KernelWriter k, int count) {
        k.code().call(k.mathFunction(MathFunction.LOG_F32));
    }
}
