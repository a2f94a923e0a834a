package dev.edgec.core.ops.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Shared-shift multipliers of the integer-only kernels, and the softmax exp table. */
class FixedPointCodeTest {
    @Test
    void theLargestMultiplierFillsThirtyOneBitsAndTheOthersShareItsShift() {
        Random rnd = new Random(3);
        for (int i = 0; i < 10_000; i++) {
            double a = Math.scalb(rnd.nextDouble() + 0.5, -rnd.nextInt(30)); // below 2^-31 the shift is capped
            double b = a * rnd.nextDouble();
            FixedPointCode.Multipliers m = FixedPointCode.multipliers(a, b);
            assertTrue(m.m0()[0] >= 1L << 30 && m.m0()[0] <= 1L << 31, "m0 " + m.m0()[0]);
            // relative error of each multiplier at most half a unit of 2^-shift
            assertEquals(a, Math.scalb((double) m.m0()[0], -m.shift()), Math.scalb(0.5, -m.shift()));
            assertEquals(b, Math.scalb((double) m.m0()[1], -m.shift()), Math.scalb(0.5, -m.shift()));
        }
    }

    @Test
    void tinyMultipliersAreCappedAndHugeOnesRejected() {
        FixedPointCode.Multipliers tiny = FixedPointCode.multipliers(1e-30);
        assertEquals(FixedPointCode.MAX_SHIFT, tiny.shift());
        assertEquals(0, tiny.m0()[0]);
        assertEquals(1, FixedPointCode.multipliers(0.0).shift());
        assertThrows(IllegalArgumentException.class, () -> FixedPointCode.multipliers(1 << 30));
        assertThrows(IllegalArgumentException.class, () -> FixedPointCode.multipliers(Double.NaN));
    }

    @Test
    void expTableIsTwoToTheTwentyTimesExp() {
        long[] t = QLinearSoftmaxOp.expTable(0.1);
        assertEquals(1L << QLinearSoftmaxOp.TABLE_BITS, t[0]);
        for (int d = 0; d < t.length; d++) {
            assertEquals(Math.exp(-0.1 * d) * (1 << 20), t[d], 0.5);
            assertTrue(d == 0 || t[d] <= t[d - 1]);
        }
    }
}
