package dev.edgec.core.lower.math;

import dev.edgec.core.lower.MathLibrary;
import dev.edgec.wasm.Code;
import dev.edgec.wasm.FunctionBuilder;
import dev.edgec.wasm.ValType;

/**
 * Natural logarithm in float32. x = 2^e·m with m in [√2/2, √2), f = m - 1 (exact), and
 * log(1 + f) = f - f²/2 + s·(f²/2 + R(s²)) with s = f / (2 + f) and R the series
 * 2/3·z + 2/5·z² + 2/7·z³ + 2/9·z⁴ (truncation below 3e-9 relative, |s| ≤ 0.172); e·ln2 is added
 * with ln2 split in two so that e·LN2_HI is exact. Subnormal inputs are scaled by 2^25 first.
 * log(0) = -∞, log(x &lt; 0) = NaN, log(+∞) = +∞, NaN stays NaN.
 * Maximum error ≤ 1 ulp; measured 0.80 ulp over every ~4000th positive finite float bit pattern
 * plus evenly spaced values in [1e-3, 100] (LogF32Test).
 */
public final class LogF32 {
    /** ln 2 split so that e·LN2_HI is exact for |e| ≤ 256: 0x3F317200 and the remainder. */
    private static final float LN2_HI = 0.693145751953125f;
    private static final float LN2_LO = 1.4286067653e-06f;
    /** Bits of √2 as a float: mantissas above it are halved so that f stays in [-0.29, 0.42). */
    private static final int SQRT2_BITS = 0x3FB504F3;

    private LogF32() {
    }

    public static void emit(FunctionBuilder f, MathLibrary library) {
        int x = 0;
        int bits = f.addLocal(ValType.I32);
        int e = f.addLocal(ValType.I32);
        int fr = f.addLocal(ValType.F32);
        int s = f.addLocal(ValType.F32);
        int z = f.addLocal(ValType.F32);
        int hfsq = f.addLocal(ValType.F32);
        int ef = f.addLocal(ValType.F32);
        Code c = f.code();
        // NaN and +inf return themselves; 0 gives -inf; negatives give NaN.
        c.localGet(x).localGet(x).f32Ne().if_().localGet(x).return_().end();
        c.localGet(x).f32Const(0f).f32Eq().if_().f32Const(Float.NEGATIVE_INFINITY).return_().end();
        c.localGet(x).f32Const(0f).f32Lt().if_().f32Const(Float.NaN).return_().end();
        c.localGet(x).f32Const(Float.POSITIVE_INFINITY).f32Eq().if_().localGet(x).return_().end();
        c.i32Const(0).localSet(e);
        c.localGet(x).i32ReinterpretF32().localSet(bits);
        c.localGet(bits).i32Const(0x00800000).i32LtU().if_();
        {
            c.localGet(x).f32Const(33554432f).f32Mul().i32ReinterpretF32().localSet(bits);
            c.i32Const(-25).localSet(e);
        }
        c.end();
        c.localGet(e).localGet(bits).i32Const(23).i32ShrU().i32Const(127).i32Sub().i32Add().localSet(e);
        c.localGet(bits).i32Const(0x007FFFFF).i32And().i32Const(0x3F800000).i32Or().localSet(bits);
        c.localGet(bits).i32Const(SQRT2_BITS).i32GtU().if_();
        {
            c.localGet(bits).i32Const(0x00800000).i32Sub().localSet(bits);
            c.localGet(e).i32Const(1).i32Add().localSet(e);
        }
        c.end();
        c.localGet(bits).f32ReinterpretI32().f32Const(1f).f32Sub().localSet(fr);
        c.localGet(fr).localGet(fr).f32Const(2f).f32Add().f32Div().localSet(s);
        c.localGet(s).localGet(s).f32Mul().localSet(z);
        c.f32Const(0.5f).localGet(fr).f32Mul().localGet(fr).f32Mul().localSet(hfsq);
        c.localGet(e).f32ConvertI32S().localSet(ef);
        // R = z·(2/3 + z·(2/5 + z·(2/7 + z·2/9)))
        c.f32Const(2f / 9f).localGet(z).f32Mul()
                .f32Const(2f / 7f).f32Add().localGet(z).f32Mul()
                .f32Const(2f / 5f).f32Add().localGet(z).f32Mul()
                .f32Const(2f / 3f).f32Add().localGet(z).f32Mul();
        // e·LN2_HI + (f - (hfsq - (s·(hfsq + R) + e·LN2_LO)))
        c.localGet(hfsq).f32Add().localGet(s).f32Mul().localGet(ef).f32Const(LN2_LO).f32Mul().f32Add();
        c.localSet(z);
        c.localGet(ef).f32Const(LN2_HI).f32Mul();
        c.localGet(fr).localGet(hfsq).localGet(z).f32Sub().f32Sub();
        c.f32Add();
    }
}
