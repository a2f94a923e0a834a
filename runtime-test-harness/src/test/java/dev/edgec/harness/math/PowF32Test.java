package dev.edgec.harness.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgec.core.lower.MathFunction;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Checks the error bound and special cases that {@code lower/math/PowF32}'s Javadoc claims, in Chicory. */
class PowF32Test {
    private static final double CLAIMED_ULPS = 3;

    @Test
    void errorWithinTheDocumentedBound() {
        Random rnd = new Random(7);
        int n = 1 << 18;
        float[] xs = new float[n];
        float[] ys = new float[n];
        for (int i = 0; i < n; i++) {
            switch (i % 3) {
                case 0 -> { // random positive bases, exponents keeping results mostly finite
                    xs[i] = (float) Math.exp(rnd.nextGaussian() * 10);
                    ys[i] = (float) (rnd.nextGaussian() * 4);
                }
                case 1 -> { // negative bases with whole exponents
                    xs[i] = (float) -(rnd.nextDouble() * 20);
                    ys[i] = rnd.nextInt(41) - 20;
                }
                default -> { // bases near 1 with large exponents
                    xs[i] = 1 + (float) (rnd.nextGaussian() * 1e-3);
                    ys[i] = (float) (rnd.nextGaussian() * 3e4);
                }
            }
        }
        float[] got = MathSweep.evaluateBinary(MathFunction.POW_F32, xs, ys);
        double worst = 0;
        int at = -1;
        for (int i = 0; i < n; i++) {
            double u = MathSweep.ulps(got[i], Math.pow(xs[i], ys[i]));
            if (u > worst) {
                worst = u;
                at = i;
            }
        }
        String where = at < 0 ? "" : " at pow(" + xs[at] + ", " + ys[at] + ") = " + got[at];
        assertTrue(worst <= CLAIMED_ULPS, "pow error " + worst + " ulp" + where);
    }

    @Test
    void specialCasesFollowC() {
        // base:      NaN  1    -1   -2   0    -0   -0   0    2    -8   inf  -inf 0.5
        float nan = Float.NaN;
        float inf = Float.POSITIVE_INFINITY;
        float[] x = {nan, 1f, -1f, -2f, 0f, -0f, -0f, 0f, 2f, -8f, inf, -inf, 0.5f};
        float[] y = {0f, nan, inf, 0.5f, -1f, -3f, 2f, 3f, nan, 1f / 3, -2f, 3f, inf};
        // C's pow, where it differs from Java's Math.pow: pow(1, NaN) = 1 and pow(-1, ±inf) = 1
        float[] c = {1f, 1f, 1f, nan, inf, -inf, 0f, 0f, nan, nan, 0f, -inf, 0f};
        float[] got = MathSweep.evaluateBinary(MathFunction.POW_F32, x, y);
        for (int i = 0; i < x.length; i++) {
            float expected = c[i];
            assertEquals(expected, got[i], "pow(" + x[i] + ", " + y[i] + ")");
        }
    }
}
