package dev.edgec.core.ops.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fixed-point multiplier is exact and its rounding is half to even, against BigDecimal. */
class FixedPointMultiplierTest {

    @Test
    void representsTheFloatExactly() {
        Random rnd = new Random(1);
        for (int i = 0; i < 10_000; i++) {
            float m = (float) Math.scalb(rnd.nextDouble() + 0.5, -rnd.nextInt(30));
            FixedPointMultiplier f = FixedPointMultiplier.of(m);
            assertTrue(f.m0() >= 1L << 30 && f.m0() < 1L << 31, "m0 " + f.m0());
            assertEquals((double) m, Math.scalb((double) f.m0(), -f.shift()), 0.0);
        }
    }

    @Test
    void roundsHalfToEvenLikeExactArithmetic() {
        Random rnd = new Random(2);
        for (int i = 0; i < 100_000; i++) {
            float m = (float) Math.scalb(rnd.nextDouble() + 0.5, -rnd.nextInt(24));
            if (rnd.nextInt(4) == 0) {
                m = Math.scalb(1f, -rnd.nextInt(8)); // dyadic multipliers make exact ties
            }
            if (rnd.nextBoolean()) {
                m = -m;
            }
            long acc = rnd.nextInt();
            if (rnd.nextInt(4) == 0) {
                acc = rnd.nextInt(2001) - 1000;
            }
            FixedPointMultiplier f = FixedPointMultiplier.of(m);
            long expected = new BigDecimal(acc).multiply(new BigDecimal(m)).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
            assertEquals(expected, f.apply(acc), "acc " + acc + " m " + m);
        }
    }

    @Test
    void tinyAndHugeMultipliers() {
        assertEquals(0, FixedPointMultiplier.of(1e-12f).apply(Integer.MAX_VALUE));
        assertEquals(0, FixedPointMultiplier.of(0f).apply(12345));
        assertNull(FixedPointMultiplier.of(2e9f));
        assertEquals(3L << 29, FixedPointMultiplier.of(Math.scalb(1f, 29)).apply(3));
    }

    /** The emitted requantization's identity: {@code (p + c [+ bit shift of p]) >> shift} with Requantizer's rounding constant. */
    @Test
    void emittedRoundingFormulaEqualsApply() {
        Random rnd = new Random(3);
        for (int i = 0; i < 200_000; i++) {
            float m = (float) Math.scalb(rnd.nextDouble() + 0.5, -rnd.nextInt(40));
            if (rnd.nextInt(4) == 0) {
                m = Math.scalb(1f, -rnd.nextInt(40)); // dyadic multipliers make exact ties
            }
            if (rnd.nextBoolean()) {
                m = -m;
            }
            long acc = rnd.nextInt(4) == 0 ? rnd.nextInt(2001) - 1000 : rnd.nextInt();
            if (rnd.nextInt(8) == 0) {
                acc = (long) (rnd.nextInt(2001) - 1000) << rnd.nextInt(22);
            }
            FixedPointMultiplier f = FixedPointMultiplier.of(m);
            long zp = rnd.nextInt(256) - 128;
            long p = acc * f.m0();
            int s = f.shift();
            boolean ties = Requantizer.tiesPossible(f);
            long c = (1L << (s - 1)) - (ties ? 1 : 0) + (s <= 52 ? zp << s : 0);
            long v = (p + c + (ties ? (p >> s) & 1 : 0)) >> s;
            if (s > 52) {
                v += zp;
            }
            assertEquals(f.apply(acc) + zp, v, "acc " + acc + " m " + m + " ties " + ties);
        }
    }
}
