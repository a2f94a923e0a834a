package dev.edgec.core.lower.math;

import dev.edgec.core.lower.MathLibrary;
import dev.edgec.wasm.Code;
import dev.edgec.wasm.FunctionBuilder;
import dev.edgec.wasm.ValType;

/**
 * atan in float64, the core of the float32 atan, asin and acos helpers (which round its result once).
 * |x| &gt; 1 uses atan x = π/2 − atan(1/x); t &gt; tan(π/12) uses atan t = π/6 + atan((t√3 − 1)/(t + √3)),
 * leaving |u| ≤ tan(π/12) ≈ 0.268 where the odd Taylor series to u^23 truncates below 1e-15.
 * Relative error below 1e-14: far inside a float32 ulp. atan(±∞) = ±π/2, NaN stays NaN.
 */
public final class AtanF64 {
    private static final double TAN_PI_12 = 0.2679491924311227;
    private static final double SQRT3 = 1.7320508075688772;

    private AtanF64() {
    }

    public static void emit(FunctionBuilder f, MathLibrary library) {
        int x = 0;
        int a = f.addLocal(ValType.F64);
        int base = f.addLocal(ValType.F64);
        int flip = f.addLocal(ValType.I32);
        int u = f.addLocal(ValType.F64);
        int z = f.addLocal(ValType.F64);
        Code c = f.code();
        c.localGet(x).localGet(x).f64Ne().if_().localGet(x).return_().end();
        c.localGet(x).f64Abs().localTee(a).f64Const(1).f64Gt().localTee(flip).if_();
        c.f64Const(1).localGet(a).f64Div().localSet(a);
        c.end();
        c.f64Const(0).localSet(base);
        c.localGet(a).f64Const(TAN_PI_12).f64Gt().if_();
        c.localGet(a).f64Const(SQRT3).f64Mul().f64Const(1).f64Sub().localGet(a).f64Const(SQRT3).f64Add().f64Div()
                .localSet(a);
        c.f64Const(Math.PI / 6).localSet(base);
        c.end();
        c.localGet(a).localGet(a).f64Mul().localSet(z);
        double[] coefficients = new double[12];
        for (int i = 0; i < 12; i++) {
            int n = 11 - i; // highest degree first: (-1)^n / (2n + 1)
            coefficients[i] = (n % 2 == 0 ? 1.0 : -1.0) / (2 * n + 1);
        }
        TrigF32.polynomial(c, z, coefficients);
        c.localGet(a).f64Mul().localGet(base).f64Add().localSet(u);
        c.f64Const(Math.PI / 2).localGet(u).f64Sub().localGet(u).localGet(flip).select();
        c.localGet(x).f64Copysign();
    }
}
