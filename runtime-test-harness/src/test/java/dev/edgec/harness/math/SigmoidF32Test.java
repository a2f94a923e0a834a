package dev.edgec.harness.math;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgec.core.lower.MathFunction;
import org.junit.jupiter.api.Test;

/** Checks the error bound that {@code lower/math/SigmoidF32}'s Javadoc claims, running it in Chicory. */
class SigmoidF32Test {
    private static final double CLAIMED_ULPS = 3;

    @Test
    void errorOverMinus104To89IsWithinTheDocumentedBound() {
        float[] xs = MathSweep.concat(MathSweep.byBits(-104f, 89f, 1 << 19), MathSweep.uniform(-104f, 89f, 1 << 19));
        MathSweep.Worst worst = MathSweep.worstError(MathFunction.SIGMOID_F32, xs, x -> 1 / (1 + Math.exp(-x)));
        assertTrue(worst.ulps() <= CLAIMED_ULPS, "sigmoid error " + worst);
    }
}
