package dev.edgec.harness.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgec.core.lower.MathFunction;
import org.junit.jupiter.api.Test;

/** Checks the error bounds that {@code lower/math/HyperbolicF32}'s Javadoc claims, in Chicory. */
class HyperbolicF32Test {
    /** sinh and cosh: twice EXP_F32's 2 ulp bound at most... the Javadoc claims 3. */
    private static final double CLAIMED_SINH_COSH_ULPS = 3;
    private static final double CLAIMED_INVERSE_ULPS = 1;

    @Test
    void sinhAndCosh() {
        float[] xs = MathSweep.concat(MathSweep.byBits(-95f, 95f, 1 << 19), MathSweep.uniform(-3f, 3f, 1 << 18));
        MathSweep.Worst sinh = MathSweep.worstError(MathFunction.SINH_F32, xs, Math::sinh);
        assertTrue(sinh.ulps() <= CLAIMED_SINH_COSH_ULPS, "sinh error " + sinh);
        MathSweep.Worst cosh = MathSweep.worstError(MathFunction.COSH_F32, xs, Math::cosh);
        assertTrue(cosh.ulps() <= CLAIMED_SINH_COSH_ULPS, "cosh error " + cosh);
    }

    @Test
    void inverses() {
        float[] all = MathSweep.concat(MathSweep.byBits(-Float.MAX_VALUE, Float.MAX_VALUE, 1 << 19),
                MathSweep.uniform(-3f, 3f, 1 << 17));
        MathSweep.Worst asinh = MathSweep.worstError(MathFunction.ASINH_F32, all, HyperbolicF32Test::asinh);
        assertTrue(asinh.ulps() <= CLAIMED_INVERSE_ULPS, "asinh error " + asinh);
        float[] aboveOne = MathSweep.concat(MathSweep.byBits(1f, Float.MAX_VALUE, 1 << 19),
                MathSweep.uniform(1f, 3f, 1 << 17));
        MathSweep.Worst acosh = MathSweep.worstError(MathFunction.ACOSH_F32, aboveOne, HyperbolicF32Test::acosh);
        assertTrue(acosh.ulps() <= CLAIMED_INVERSE_ULPS, "acosh error " + acosh);
        float[] unit = MathSweep.concat(MathSweep.byBits(-1f, 1f, 1 << 19), MathSweep.uniform(-1f, 1f, 1 << 17));
        MathSweep.Worst atanh = MathSweep.worstError(MathFunction.ATANH_F32, unit, HyperbolicF32Test::atanh);
        assertTrue(atanh.ulps() <= CLAIMED_INVERSE_ULPS, "atanh error " + atanh);
    }

    @Test
    void specialValues() {
        float[] s = MathSweep.evaluate(MathFunction.SINH_F32, new float[]{Float.NaN, Float.NEGATIVE_INFINITY, -0f, 100f});
        assertTrue(Float.isNaN(s[0]));
        assertEquals(Float.NEGATIVE_INFINITY, s[1]);
        assertEquals(-0f, s[2]);
        assertEquals(Float.POSITIVE_INFINITY, s[3]);
        float[] a = MathSweep.evaluate(MathFunction.ATANH_F32, new float[]{1f, -1f, 2f});
        assertEquals(Float.POSITIVE_INFINITY, a[0]);
        assertEquals(Float.NEGATIVE_INFINITY, a[1]);
        assertTrue(Float.isNaN(a[2]));
        float[] c = MathSweep.evaluate(MathFunction.ACOSH_F32, new float[]{1f, 0.5f});
        assertEquals(0f, c[0]);
        assertTrue(Float.isNaN(c[1]));
    }

    /** Double references computed away from cancellation: log1p forms for small arguments. */
    static double asinh(double x) {
        double a = Math.abs(x);
        double r = a > 1e150 ? Math.log(a) + Math.log(2) : Math.log1p(a + a * a / (1 + Math.sqrt(1 + a * a)));
        return Math.copySign(r, x);
    }

    static double acosh(double x) {
        return x > 1e150 ? Math.log(x) + Math.log(2) : Math.log1p((x - 1) + Math.sqrt((x - 1) * (x + 1)));
    }

    static double atanh(double x) {
        return 0.5 * Math.log1p(2 * x / (1 - x));
    }
}
