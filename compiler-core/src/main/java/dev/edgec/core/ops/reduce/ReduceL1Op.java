package dev.edgec.core.ops.reduce;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.wasm.Code;

/** ReduceL1 (opsets 1-21; axes is an input from opset 18): the sum of absolute values. */
final class ReduceL1Op extends ReduceOp {
    @Override
    protected float identity() {
        return 0f;
    }

    @Override
    protected void emitCombine(Code c) {
        c.f32Add();
    }

    @Override
    protected void emitMap(KernelWriter k) {
        k.code().f32Abs();
    }
}
