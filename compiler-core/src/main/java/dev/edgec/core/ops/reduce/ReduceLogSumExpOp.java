package dev.edgec.core.ops.reduce;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.lower.MathFunction;
import dev.edgec.wasm.Code;
import dev.edgec.wasm.ValType;

/**
 * ReduceLogSumExp (opsets 1-21; axes is an input from opset 18): log Σ exp(x), computed as
 * max + log Σ exp(x - max) so that no exp overflows (an infinite max is not subtracted).
 */
final class ReduceLogSumExpOp extends ReduceOp {
    @Override
    protected float identity() {
        return 0f;
    }

    @Override
    protected void emitCombine(Code c) {
        c.f32Add();
    }

    @Override
    protected void emitReduction(KernelWriter k, ReducedElements elements, int result) {
        Code c = k.code();
        int exp = k.mathFunction(MathFunction.EXP_F32);
        int log = k.mathFunction(MathFunction.LOG_F32);
        int max = k.newLocal(ValType.F32);
        c.f32Const(Float.NEGATIVE_INFINITY).localSet(max);
        elements.forEach(() -> c.localGet(max).f32Max().localSet(max));
        c.localGet(max).f32Abs().f32Const(Float.POSITIVE_INFINITY).f32Eq().if_().f32Const(0f).localSet(max).end();
        c.f32Const(0f).localSet(result);
        elements.forEach(() -> c.localGet(max).f32Sub().call(exp).localGet(result).f32Add().localSet(result));
        c.localGet(result).call(log).localGet(max).f32Add().localSet(result);
    }
}
