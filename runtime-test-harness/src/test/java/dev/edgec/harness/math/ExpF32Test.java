package dev.edgec.harness.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgec.core.lower.MathFunction;
import org.junit.jupiter.api.Test;

/** Checks the error bound that {@code lower/math/ExpF32}'s Javadoc claims, running it in Chicory. */
class ExpF32Test {
    /** The bound ExpF32's Javadoc states. */
    private static final double CLAIMED_ULPS = 2;

    @Test
    void errorOverMinus104To89IsWithinTheDocumentedBound() {
        float[] xs = MathSweep.concat(MathSweep.byBits(-104f, 89f, 1 << 19), MathSweep.uniform(-104f, 89f, 1 << 19));
        MathSweep.Worst worst = MathSweep.worstError(MathFunction.EXP_F32, xs, Math::exp);
        assertTrue(worst.ulps() <= CLAIMED_ULPS, "exp error " + worst);
    }

    @Test
    void specialValues() {
        float[] xs = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0f, -0f, 100f, -200f};
        float[] ys = MathSweep.evaluate(MathFunction.EXP_F32, xs);
        assertTrue(Float.isNaN(ys[0]));
        assertEquals(Float.POSITIVE_INFINITY, ys[1]);
        assertEquals(0f, ys[2]);
        assertEquals(1f, ys[3]);
        assertEquals(1f, ys[4]);
        assertEquals(Float.POSITIVE_INFINITY, ys[5]);
        assertEquals(0f, ys[6]);
    }
}
