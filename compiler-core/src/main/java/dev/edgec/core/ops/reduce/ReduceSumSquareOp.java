package dev.edgec.core.ops.reduce;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.wasm.Code;
import dev.edgec.wasm.ValType;

/** ReduceSumSquare (opsets 1-21; axes is an input from opset 18): the sum of the squares. */
final class ReduceSumSquareOp extends ReduceOp {
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
        int t = k.newLocal(ValType.F32);
        k.code().localTee(t).localGet(t).f32Mul();
    }
}
