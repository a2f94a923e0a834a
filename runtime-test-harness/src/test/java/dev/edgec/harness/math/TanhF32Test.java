package dev.edgec.harness.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgec.core.lower.MathFunction;
import org.junit.jupiter.api.Test;

/** Checks the error bound that {@code lower/math/TanhF32}'s Javadoc claims, running it in Chicory. */
class TanhF32Test {
    private static final double CLAIMED_ULPS = 3;

    @Test
    void errorOverMinus104To89IsWithinTheDocumentedBound() {
        float[] xs = MathSweep.concat(MathSweep.byBits(-104f, 89f, 1 << 19), MathSweep.uniform(-10f, 10f, 1 << 19));
        MathSweep.Worst worst = MathSweep.worstError(MathFunction.TANH_F32, xs, Math::tanh);
        assertTrue(worst.ulps() <= CLAIMED_ULPS, "tanh error " + worst);
    }

    @Test
    void saturatesAndKeepsSign() {
        float[] ys = MathSweep.evaluate(MathFunction.TANH_F32,
                new float[] {Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 1e30f, -1e30f});
        assertEquals(1f, ys[0]);
        assertEquals(-1f, ys[1]);
        assertEquals(1f, ys[2]);
        assertEquals(-1f, ys[3]);
    }
}
