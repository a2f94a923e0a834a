package dev.edgec.core.ops.elementwise;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.lower.MathFunction;
import dev.edgec.core.ops.OpContext;
import dev.edgec.ir.DataType;
import dev.edgec.wasm.Code;

/**
 * Softplus: log(1 + exp(x)), computed as max(x, 0) + log(1 + exp(-|x|)) so exp never overflows
 * (in float32 for every float type, see {@link Float32UnaryOp}). The log argument y lies in [1, 2];
 * halving it above √2 leaves s = (y − 1)/(y + 1) within
 * ±0.1716, where log y = 2·atanh(s) = 2s·(1 + s²/3 + s⁴/5 + s⁶/7 + s⁸/9) truncates at ~7e-10, far
 * below float32 rounding, so the error is that of {@link MathFunction#EXP_F32} plus a few ulps.
 */
final class SoftplusOp extends Float32UnaryOp {
    private static final float SQRT2 = 1.41421356f;
    private static final float LN2 = 0.693147181f;

    @Override
    protected void emitScalar(OpContext ctx, KernelWriter k, DataType t) {
        emitFloat32(k);
    }

    /** Emits softplus on the float32 value on the stack (Mish uses it too). */
    static void emitFloat32(KernelWriter k) {
        Code c = k.code();
        int x = k.newLocal(dev.edgec.wasm.ValType.F32);
        int y = k.newLocal(dev.edgec.wasm.ValType.F32);
        int s = k.newLocal(dev.edgec.wasm.ValType.F32);
        int z = k.newLocal(dev.edgec.wasm.ValType.F32);
        int big = k.newI32();
        c.localSet(x);
        c.localGet(x).f32Abs().f32Neg().call(k.mathFunction(MathFunction.EXP_F32)).f32Const(1f).f32Add().localTee(y);
        c.f32Const(SQRT2).f32Gt().localSet(big);
        c.localGet(y).f32Const(0.5f).f32Mul().localGet(y).localGet(big).select().localSet(y);
        c.localGet(y).f32Const(1f).f32Sub().localGet(y).f32Const(1f).f32Add().f32Div().localTee(s);
        c.localGet(s).f32Mul().localSet(z);
        // 2s·(1 + z/3 + z²/5 + z³/7 + z⁴/9) by Horner
        c.f32Const(1f / 9).localGet(z).f32Mul().f32Const(1f / 7).f32Add();
        c.localGet(z).f32Mul().f32Const(1f / 5).f32Add();
        c.localGet(z).f32Mul().f32Const(1f / 3).f32Add();
        c.localGet(z).f32Mul().f32Const(1f).f32Add();
        c.localGet(s).f32Mul().f32Const(2f).f32Mul();
        c.f32Const(LN2).f32Const(0f).localGet(big).select().f32Add();
        c.localGet(x).f32Const(0f).f32Max().f32Add();
    }
}
