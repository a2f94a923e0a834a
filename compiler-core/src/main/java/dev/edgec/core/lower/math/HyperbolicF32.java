package dev.edgec.core.lower.math;

import dev.edgec.core.lower.MathFunction;
import dev.edgec.core.lower.MathLibrary;
import dev.edgec.wasm.Code;
import dev.edgec.wasm.FunctionBuilder;
import dev.edgec.wasm.ValType;

/**
 * sinh, cosh, asinh, acosh and atanh of a float32, with the arithmetic around the exponential or
 * logarithm in float64 and one rounding at the end.
 * <ul>
 * <li>sinh, cosh: E = e^|x| from {@link MathFunction#EXP_F32} (from |x| = 88 on as (e^(|x|/2))², exact
 * halving, so that E stays finite up to sinh's own float32 overflow near 89.4), then (E ∓ 1/E)/2 in
 * float64. The error is EXP_F32's, amplified at most 1.31× by the subtraction above |x| = 1, and
 * doubled above 88: ≤ 3 ulp; measured 1.6 ulp (HyperbolicF32Test). Below |x| = 1 sinh uses its Taylor series
 * to x^15 (truncation 5e-14) to avoid the cancellation in E − 1/E.</li>
 * <li>asinh = log(|x| + √(x² + 1)), acosh = log(x + √(x² − 1)), atanh = ½·log((1 + x)/(1 − x)),
 * with {@link MathFunction#LOG_F64}; below |x| = 2^-12 asinh and atanh return x (the next term is
 * under a third of an ulp). The float64 argument's rounding (1e-16 relative) costs at most
 * 1e-16/|log| relative, negligible above 2^-12: results are within 1 ulp.</li>
 * </ul>
 * Measured by HyperbolicF32Test.
 */
public final class HyperbolicF32 {
    private HyperbolicF32() {
    }

    public static void emitSinh(FunctionBuilder f, MathLibrary library) {
        int x = 0;
        int big = f.addLocal(ValType.F64);
        int z = f.addLocal(ValType.F64);
        Code c = f.code();
        c.localGet(x).f32Abs().f32Const(1f).f32Lt().if_();
        {
            c.localGet(x).f64PromoteF32().localTee(z).localGet(z).f64Mul().localSet(z);
            double[] coefficients = new double[8];
            for (int i = 0; i < 8; i++) {
                coefficients[i] = 1.0 / factorial(2 * (7 - i) + 1);
            }
            TrigF32.polynomial(c, z, coefficients);
            c.localGet(x).f64PromoteF32().f64Mul().f32DemoteF64().return_();
        }
        c.end();
        expSquared(c, library, x, big);
        c.localGet(big).f64Const(1).localGet(big).f64Div().f64Sub().f64Const(0.5).f64Mul().f32DemoteF64();
        c.localGet(x).f32Copysign();
    }

    public static void emitCosh(FunctionBuilder f, MathLibrary library) {
        int x = 0;
        int big = f.addLocal(ValType.F64);
        Code c = f.code();
        expSquared(c, library, x, big);
        c.localGet(big).f64Const(1).localGet(big).f64Div().f64Add().f64Const(0.5).f64Mul().f32DemoteF64();
    }

    /**
     * big = e^|x| in float64: EXP_F32 directly below 88 (where it stays finite), above as
     * (e^(|x|/2))², which doubles the relative error but reaches sinh's own overflow.
     */
    private static void expSquared(Code c, MathLibrary library, int x, int big) {
        int exp = library.functionIndex(MathFunction.EXP_F32);
        c.localGet(x).f32Abs().f32Const(88f).f32Lt().if_();
        c.localGet(x).f32Abs().call(exp).f64PromoteF32().localSet(big);
        c.else_();
        c.localGet(x).f32Abs().f32Const(0.5f).f32Mul().call(exp).f64PromoteF32().localTee(big).localGet(big).f64Mul()
                .localSet(big);
        c.end();
    }

    public static void emitAsinh(FunctionBuilder f, MathLibrary library) {
        int x = 0;
        int a = f.addLocal(ValType.F64);
        Code c = f.code();
        smallReturnsX(c, x);
        c.localGet(x).f32Abs().f64PromoteF32().localTee(a);
        c.localGet(a).localGet(a).f64Mul().f64Const(1).f64Add().f64Sqrt().f64Add();
        c.call(library.functionIndex(MathFunction.LOG_F64)).f32DemoteF64().localGet(x).f32Copysign();
    }

    public static void emitAcosh(FunctionBuilder f, MathLibrary library) {
        int x = 0;
        int a = f.addLocal(ValType.F64);
        Code c = f.code();
        c.localGet(x).f64PromoteF32().localTee(a);
        c.localGet(a).localGet(a).f64Mul().f64Const(1).f64Sub().f64Sqrt().f64Add();
        c.call(library.functionIndex(MathFunction.LOG_F64)).f32DemoteF64();
    }

    public static void emitAtanh(FunctionBuilder f, MathLibrary library) {
        int x = 0;
        int a = f.addLocal(ValType.F64);
        Code c = f.code();
        smallReturnsX(c, x);
        c.localGet(x).f64PromoteF32().localSet(a);
        c.f64Const(1).localGet(a).f64Add().f64Const(1).localGet(a).f64Sub().f64Div();
        c.call(library.functionIndex(MathFunction.LOG_F64)).f64Const(0.5).f64Mul().f32DemoteF64();
    }

    /** Returns x itself when |x| &lt; 2^-12 (also ±0). */
    private static void smallReturnsX(Code c, int x) {
        c.localGet(x).f32Abs().f32Const(0x1p-12f).f32Lt().if_().localGet(x).return_().end();
    }

    private static double factorial(int n) {
        double r = 1;
        for (int i = 2; i <= n; i++) {
            r *= i;
        }
        return r;
    }
}
