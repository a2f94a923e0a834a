package dev.edgec.core.lower.math;

import dev.edgec.core.lower.MathFunction;
import dev.edgec.core.lower.MathLibrary;
import dev.edgec.wasm.Code;
import dev.edgec.wasm.FunctionBuilder;

/**
 * 1 / (1 + e^-x). For x &lt; 0 it is computed as e^x / (1 + e^x) so that the result keeps full
 * relative precision as it approaches zero. Error: that of exp plus 2 roundings,
 * ≤ 3 ulp; measured 2.32 ulp over a sweep of 2^20 arguments in [-104, 89] (SigmoidF32Test).
 */
public final class SigmoidF32 {
    private SigmoidF32() {
    }

    public static void emit(FunctionBuilder f, MathLibrary library) {
        int exp = library.functionIndex(MathFunction.EXP_F32);
        int e = f.addLocal(dev.edgec.wasm.ValType.F32);
        Code c = f.code();
        // e = exp(-|x|) in (0, 1]
        c.localGet(0).f32Abs().f32Neg().call(exp).localSet(e);
        c.localGet(0).f32Const(0f).f32Lt();
        c.if_(dev.edgec.wasm.BlockType.of(dev.edgec.wasm.ValType.F32));
        c.localGet(e).localGet(e).f32Const(1f).f32Add().f32Div();
        c.else_();
        c.f32Const(1f).localGet(e).f32Const(1f).f32Add().f32Div();
        c.end();
    }
}
