package dev.edgec.harness.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgec.core.lower.MathFunction;
import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.api.Test;

/**
 * Checks the error bound that {@code lower/math/ErfF32}'s Javadoc claims, in Chicory. The reference
 * sums the Maclaurin series in 50-digit decimal arithmetic, so no cancellation reaches it.
 */
class ErfF32Test {
    private static final double CLAIMED_ULPS = 1;
    private static final MathContext MC = new MathContext(50);
    private static final BigDecimal TWO_OVER_SQRT_PI = new BigDecimal("1.1283791670955125738961589031215451716881012586580");

    @Test
    void errorWithinTheDocumentedBound() {
        float[] xs = MathSweep.concat(MathSweep.byBits(-5f, 5f, 1 << 14), MathSweep.uniform(-4.5f, 4.5f, 1 << 13));
        MathSweep.Worst worst = MathSweep.worstError(MathFunction.ERF_F32, xs, ErfF32Test::erf);
        assertTrue(worst.ulps() <= CLAIMED_ULPS, "erf error " + worst);
    }

    @Test
    void specialValues() {
        float[] ys = MathSweep.evaluate(MathFunction.ERF_F32, new float[]{Float.NaN, Float.POSITIVE_INFINITY,
                Float.NEGATIVE_INFINITY, 0f, -0f});
        assertTrue(Float.isNaN(ys[0]));
        assertEquals(1f, ys[1]);
        assertEquals(-1f, ys[2]);
        assertEquals(0f, ys[3]);
        assertEquals(-0f, ys[4]);
    }

    static double erf(double x) {
        if (Math.abs(x) >= 6) {
            return Math.signum(x);
        }
        BigDecimal bx = new BigDecimal(x);
        BigDecimal mz = bx.multiply(bx, MC).negate();
        BigDecimal term = bx;
        BigDecimal sum = bx;
        for (int n = 1; n < 400; n++) {
            term = term.multiply(mz, MC).divide(BigDecimal.valueOf(n), MC);
            BigDecimal part = term.divide(BigDecimal.valueOf(2L * n + 1), MC);
            sum = sum.add(part, MC);
            if (part.abs().compareTo(new BigDecimal("1e-40")) < 0) {
                break;
            }
        }
        return sum.multiply(TWO_OVER_SQRT_PI, MC).doubleValue();
    }
}
