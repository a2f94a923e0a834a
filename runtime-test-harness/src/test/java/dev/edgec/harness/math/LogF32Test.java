package dev.edgec.harness.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgec.core.lower.MathFunction;
import org.junit.jupiter.api.Test;

/** Checks the error bound that {@code lower/math/LogF32}'s Javadoc claims, running it in Chicory. */
class LogF32Test {
    private static final double CLAIMED_ULPS = 1;

    @Test
    void errorOverAllPositiveFloatsIsWithinTheDocumentedBound() {
        float[] xs = MathSweep.concat(MathSweep.byBits(Float.MIN_VALUE, Float.MAX_VALUE, 1 << 19),
                MathSweep.uniform(0.5f, 2f, 1 << 18), MathSweep.uniform(1e-3f, 100f, 1 << 18));
        MathSweep.Worst worst = MathSweep.worstError(MathFunction.LOG_F32, xs, Math::log);
        assertTrue(worst.ulps() <= CLAIMED_ULPS, "log error " + worst);
    }

    @Test
    void specialValues() {
        float[] ys = MathSweep.evaluate(MathFunction.LOG_F32,
                new float[] {Float.NaN, Float.POSITIVE_INFINITY, 0f, -0f, -1f, Float.NEGATIVE_INFINITY, 1f});
        assertTrue(Float.isNaN(ys[0]));
        assertEquals(Float.POSITIVE_INFINITY, ys[1]);
        assertEquals(Float.NEGATIVE_INFINITY, ys[2]);
        assertEquals(Float.NEGATIVE_INFINITY, ys[3]);
        assertTrue(Float.isNaN(ys[4]));
        assertTrue(Float.isNaN(ys[5]));
        assertEquals(0f, ys[6]);
    }
}
