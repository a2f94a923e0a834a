package dev.edgec.core.lower.math;

import dev.edgec.core.lower.MathLibrary;
import dev.edgec.wasm.Code;
import dev.edgec.wasm.FunctionBuilder;
import dev.edgec.wasm.ValType;

/**
 * Natural logarithm in float64, used inside float32 helpers (asinh, acosh, atanh) that must not lose
 * bits to cancellation. x = 2^e·m with m in [√2/2, √2), s = (m − 1)/(m + 1), and
 * log m = 2·atanh s = 2s·(1 + s²/3 + ... + s^22/23), which truncates below 2e-18 for |s| ≤ 0.172;
 * e·ln 2 is added with ln 2 split in two. Relative error below 1e-15. Subnormals are scaled by 2^54
 * first; log(0) = −∞, log(x &lt; 0) = NaN, log(+∞) = +∞, NaN stays NaN.
 */
public final class LogF64 {
    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;
    private static final long SQRT2_BITS = Double.doubleToRawLongBits(Math.sqrt(2));

    private LogF64() {
    }

    public static void emit(FunctionBuilder f, MathLibrary library) {
        int x = 0;
        int bits = f.addLocal(ValType.I64);
        int e = f.addLocal(ValType.I64);
        int m = f.addLocal(ValType.F64);
        int s = f.addLocal(ValType.F64);
        int z = f.addLocal(ValType.F64);
        int ef = f.addLocal(ValType.F64);
        Code c = f.code();
        c.localGet(x).localGet(x).f64Ne().if_().localGet(x).return_().end();
        c.localGet(x).f64Const(0).f64Eq().if_().f64Const(Double.NEGATIVE_INFINITY).return_().end();
        c.localGet(x).f64Const(0).f64Lt().if_().f64Const(Double.NaN).return_().end();
        c.localGet(x).f64Const(Double.POSITIVE_INFINITY).f64Eq().if_().localGet(x).return_().end();
        c.i64Const(0).localSet(e);
        c.localGet(x).i64ReinterpretF64().localSet(bits);
        c.localGet(bits).i64Const(1L << 52).i64LtU().if_();
        c.localGet(x).f64Const(0x1p54).f64Mul().i64ReinterpretF64().localSet(bits);
        c.i64Const(-54).localSet(e);
        c.end();
        c.localGet(e).localGet(bits).i64Const(52).i64ShrU().i64Const(1023).i64Sub().i64Add().localSet(e);
        c.localGet(bits).i64Const(0x000FFFFFFFFFFFFFL).i64And().i64Const(0x3FF0000000000000L).i64Or().localSet(bits);
        c.localGet(bits).i64Const(SQRT2_BITS).i64GtU().if_();
        c.localGet(bits).i64Const(1L << 52).i64Sub().localSet(bits);
        c.localGet(e).i64Const(1).i64Add().localSet(e);
        c.end();
        c.localGet(bits).f64ReinterpretI64().localSet(m);
        c.localGet(m).f64Const(1).f64Sub().localGet(m).f64Const(1).f64Add().f64Div().localTee(s);
        c.localGet(s).f64Mul().localSet(z);
        double[] coefficients = new double[12];
        for (int i = 0; i < 12; i++) {
            coefficients[i] = 1.0 / (2 * (11 - i) + 1);
        }
        TrigF32.polynomial(c, z, coefficients);
        c.localGet(s).f64Mul().f64Const(2).f64Mul();
        c.localGet(e).f64ConvertI64S().localTee(ef).f64Const(LN2_LO).f64Mul().f64Add();
        c.localGet(ef).f64Const(LN2_HI).f64Mul().f64Add();
    }
}
