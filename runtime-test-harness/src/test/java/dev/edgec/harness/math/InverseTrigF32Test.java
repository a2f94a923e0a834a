package dev.edgec.harness.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgec.core.lower.MathFunction;
import org.junit.jupiter.api.Test;

/** Checks the error bound that {@code lower/math/InverseTrigF32}'s Javadoc claims, in Chicory. */
class InverseTrigF32Test {
    private static final double CLAIMED_ULPS = 1;

    @Test
    void atanOverAllFloats() {
        float[] xs = MathSweep.concat(MathSweep.byBits(-Float.MAX_VALUE, Float.MAX_VALUE, 1 << 19),
                MathSweep.uniform(-4f, 4f, 1 << 18));
        MathSweep.Worst worst = MathSweep.worstError(MathFunction.ATAN_F32, xs, Math::atan);
        assertTrue(worst.ulps() <= CLAIMED_ULPS, "atan error " + worst);
    }

    @Test
    void asinAndAcosOverTheirDomainAndBeyond() {
        float[] xs = MathSweep.concat(MathSweep.byBits(-1.5f, 1.5f, 1 << 19), MathSweep.uniform(-1f, 1f, 1 << 18));
        MathSweep.Worst asin = MathSweep.worstError(MathFunction.ASIN_F32, xs, Math::asin);
        assertTrue(asin.ulps() <= CLAIMED_ULPS, "asin error " + asin);
        MathSweep.Worst acos = MathSweep.worstError(MathFunction.ACOS_F32, xs, Math::acos);
        assertTrue(acos.ulps() <= CLAIMED_ULPS, "acos error " + acos);
    }

    @Test
    void specialValues() {
        float[] at = MathSweep.evaluate(MathFunction.ATAN_F32, new float[]{Float.POSITIVE_INFINITY, Float.NaN, -0f});
        assertEquals((float) (Math.PI / 2), at[0]);
        assertTrue(Float.isNaN(at[1]));
        assertEquals(-0f, at[2]);
        float[] as = MathSweep.evaluate(MathFunction.ASIN_F32, new float[]{1f, -1f, Float.NaN});
        assertEquals((float) (Math.PI / 2), as[0]);
        assertEquals((float) (-Math.PI / 2), as[1]);
        assertTrue(Float.isNaN(as[2]));
        float[] ac = MathSweep.evaluate(MathFunction.ACOS_F32, new float[]{1f, -1f, 2f});
        assertEquals(0f, ac[0]);
        assertEquals((float) Math.PI, ac[1]);
        assertTrue(Float.isNaN(ac[2]));
    }
}
