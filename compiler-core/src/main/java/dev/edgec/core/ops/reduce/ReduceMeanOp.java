package dev.edgec.core.ops.reduce;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.wasm.Code;

/** ReduceMean (opsets 1-21; axes is an input from opset 18): the sum divided by the element count. */
final class ReduceMeanOp extends ReduceOp {
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
        k.code().f32Const(count).f32Div();
    }
}
