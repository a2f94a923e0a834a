package dev.edgec.core.ops.reduce;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.wasm.Code;
import dev.edgec.wasm.ValType;

/** ReduceL2 (opsets 1-21; axes is an input from opset 18): the square root of the sum of squares. */
final class ReduceL2Op extends ReduceOp {
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

    @Override
    protected void emitFinish(KernelWriter k, int count) {
        k.code().f32Sqrt();
    }
}
