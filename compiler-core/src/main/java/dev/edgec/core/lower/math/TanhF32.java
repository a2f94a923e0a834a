package dev.edgec.core.lower.math;

import dev.edgec.core.lower.MathFunction;
import dev.edgec.core.lower.MathLibrary;
import dev.edgec.wasm.BlockType;
import dev.edgec.wasm.Code;
import dev.edgec.wasm.FunctionBuilder;
import dev.edgec.wasm.ValType;

/**
 * tanh(x). For |x| &lt; 0.3 an odd Taylor polynomial to x^11 (truncation below 1e-8 relative), so
 * small arguments keep full relative precision; otherwise sign(x)·(1 - 2/(e^{2|x|} + 1)), which
 * saturates to ±1 for large |x| without overflow trouble. Error ≤ 3 ulp;
 * measured 2.36 ulp over 2^20 arguments: every ~4000th float in [-104, 89] and evenly spaced values
 * in [-10, 10] (TanhF32Test).
 */
public final class TanhF32 {
    private static final float SMALL = 0.3f;

    private TanhF32() {
    }

    public static void emit(FunctionBuilder f, MathLibrary library) {
        int exp = library.functionIndex(MathFunction.EXP_F32);
        int x2 = f.addLocal(ValType.F32);
        Code c = f.code();
        c.localGet(0).f32Abs().f32Const(SMALL).f32Lt();
        c.if_(BlockType.of(ValType.F32));
        {
            // x + x^3·(-1/3 + x^2·(2/15 + x^2·(-17/315 + x^2·(62/2835 + x^2·(-1382/155925)))))
            c.localGet(0).localGet(0).f32Mul().localSet(x2);
            float[] coefficients = {-1382f / 155925f, 62f / 2835f, -17f / 315f, 2f / 15f, -1f / 3f};
            c.f32Const(coefficients[0]);
            for (int i = 1; i < coefficients.length; i++) {
                c.localGet(x2).f32Mul().f32Const(coefficients[i]).f32Add();
            }
            c.localGet(x2).f32Mul().localGet(0).f32Mul().localGet(0).f32Add();
        }
        c.else_();
        {
            c.f32Const(1f).f32Const(2f)
                    .localGet(0).f32Abs().f32Const(2f).f32Mul().call(exp).f32Const(1f).f32Add()
                    .f32Div().f32Sub()
                    .localGet(0).f32Copysign();
        }
        c.end();
    }
}
