package dev.edgec.core.lower.math;

import dev.edgec.core.lower.MathLibrary;
import dev.edgec.wasm.Code;
import dev.edgec.wasm.FunctionBuilder;
import dev.edgec.wasm.ValType;

/**
 * sin, cos and tan of a float32, computed in float64 inside the helper and rounded once at the end.
 * The argument is reduced to r = x − k·π/2 with |r| ≤ π/4 using π/2 split in two (the high part has
 * 33 significant bits, so k·PIO2_HI is exact for |k| &lt; 2^20); sin r and cos r are Taylor
 * polynomials of degree 13 and 14 (truncation below 1e-13 on |r| ≤ π/4); the quadrant k mod 4 picks
 * ±sin r or ±cos r. For |x| &lt; 2^20·π/2 the float64 result is within 1e-12 relative (plus the
 * reduction's absolute 1e-16), so the float32 result is correctly rounded except near ties: measured
 * ≤ 0.5 ulp + a hair (TrigF32Test bounds it by 1 ulp, swept over [-1e6, 1e6]). Beyond that range the
 * rounding of k·PIO2_HI loses bits progressively (|x|·1e-16 absolute); from |x| ≈ 7e15, where it
 * would exceed π/4, r is set to 0, so sin and cos stay in [-1, 1] but are not accurate there.
 * ±∞ and NaN give NaN.
 */
public final class TrigF32 {
    private static final double TWO_OVER_PI = 0.6366197723675814;
    /** π/2 rounded to 33 bits, and the rest. */
    private static final double PIO2_HI = Double.longBitsToDouble(Double.doubleToRawLongBits(Math.PI / 2) & 0xFFFFFFFFFFF00000L);
    private static final double PIO2_LO = Math.PI / 2 - PIO2_HI + 6.123233995736766e-17;

    private enum Kind { SIN, COS, TAN }

    private TrigF32() {
    }

    public static void emitSin(FunctionBuilder f, MathLibrary library) {
        emit(f, Kind.SIN);
    }

    public static void emitCos(FunctionBuilder f, MathLibrary library) {
        emit(f, Kind.COS);
    }

    public static void emitTan(FunctionBuilder f, MathLibrary library) {
        emit(f, Kind.TAN);
    }

    private static void emit(FunctionBuilder f, Kind kind) {
        int x = 0;
        int d = f.addLocal(ValType.F64);
        int k = f.addLocal(ValType.F64);
        int r = f.addLocal(ValType.F64);
        int z = f.addLocal(ValType.F64);
        int s = f.addLocal(ValType.F64);
        int co = f.addLocal(ValType.F64);
        int q = f.addLocal(ValType.I32);
        Code c = f.code();
        // NaN and ±∞: x - x is NaN
        c.localGet(x).localGet(x).f32Sub().f32Const(0f).f32Ne().if_();
        c.localGet(x).localGet(x).f32Sub().return_();
        c.end();
        c.localGet(x).f64PromoteF32().localTee(d).f64Const(TWO_OVER_PI).f64Mul().f64Nearest().localSet(k);
        c.localGet(d).localGet(k).f64Const(PIO2_HI).f64Mul().f64Sub().localGet(k).f64Const(PIO2_LO).f64Mul().f64Sub()
                .localSet(r);
        // k mod 4 computed exactly in float64, so that no float→int conversion can trap
        c.localGet(k).localGet(k).f64Const(0.25).f64Mul().f64Floor().f64Const(4).f64Mul().f64Sub().i32TruncF64S()
                .localSet(q);
        // far beyond the accurate range k·PIO2_HI is not exact and r may exceed π/4 wildly: keep it bounded
        c.f64Const(0).localGet(r).localGet(r).f64Abs().f64Const(1).f64Gt().select().localSet(r);
        c.localGet(r).localGet(r).f64Mul().localSet(z);
        // sin r = r·(1 - z/3! + z²/5! - ... - z⁶/13!)
        polynomial(c, z, new double[]{1.0 / 6227020800L, -1.0 / 39916800, 1.0 / 362880, -1.0 / 5040, 1.0 / 120,
                -1.0 / 6, 1});
        c.localGet(r).f64Mul().localSet(s);
        // cos r = 1 - z/2! + z²/4! - ... + z⁷/14!
        polynomial(c, z, new double[]{-1.0 / 87178291200L, 1.0 / 479001600, -1.0 / 3628800, 1.0 / 40320, -1.0 / 720,
                1.0 / 24, -0.5, 1});
        c.localSet(co);
        switch (kind) {
            case SIN -> quadrant(c, q, s, co, r, 0);
            case COS -> quadrant(c, q, s, co, r, 1);
            case TAN -> {
                // tan = sin/cos; in odd quadrants sin x = ±cos r and cos x = ∓sin r, so tan = -cos r / sin r
                c.localGet(s).localGet(co).f64Div();
                c.localGet(co).f64Neg().localGet(s).f64Div();
                c.localGet(q).i32Const(1).i32And().i32Eqz().select();
            }
        }
        c.f32DemoteF64();
    }

    /**
     * Pushes sin(r + (q + shift)·π/2) from s = sin r and co = cos r: the phase n = (q + shift) mod 4
     * gives s, co, -s, -co. {@code t} is a scratch float64 local.
     */
    private static void quadrant(Code c, int q, int s, int co, int t, int shift) {
        // even n: s, odd n: co
        c.localGet(co).localGet(s).localGet(q).i32Const(shift).i32Add().i32Const(1).i32And().select().localSet(t);
        // n = 2 or 3 negates
        c.localGet(t).f64Neg().localGet(t).localGet(q).i32Const(shift).i32Add().i32Const(2).i32And().select();
    }

    /** Pushes the polynomial in z with {@code coefficients} from the highest degree down (Horner). */
    static void polynomial(Code c, int z, double[] coefficients) {
        c.f64Const(coefficients[0]);
        for (int i = 1; i < coefficients.length; i++) {
            c.localGet(z).f64Mul().f64Const(coefficients[i]).f64Add();
        }
    }
}
