package dev.edgec.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Half} against a reference written with plain double arithmetic from the IEEE 754 definition. */
class HalfTest {
    /** binary16: sign, 5-bit exponent biased by 15, 10-bit fraction; exponent 0 is subnormal (no implicit 1). */
    static double reference(int h) {
        int sign = (h >>> 15) & 1;
        int exp = (h >>> 10) & 0x1F;
        int frac = h & 0x3FF;
        double magnitude;
        if (exp == 0x1F) {
            magnitude = frac == 0 ? Double.POSITIVE_INFINITY : Double.NaN;
        } else if (exp == 0) {
            magnitude = frac * Math.pow(2, -24);
        } else {
            magnitude = (1 + frac / 1024.0) * Math.pow(2, exp - 15);
        }
        return sign == 1 ? -magnitude : magnitude;
    }

    @Test
    void toFloatMatchesReferenceForAll65536Values() {
        for (int h = 0; h < 65536; h++) {
            double expected = reference(h);
            float actual = Half.toFloat((short) h);
            if (Double.isNaN(expected)) {
                assertTrue(Float.isNaN(actual), "half 0x" + Integer.toHexString(h));
                continue;
            }
            // compare bits so that -0.0 and 0.0 differ
            assertEquals(Float.floatToRawIntBits((float) expected), Float.floatToRawIntBits(actual),
                    "half 0x" + Integer.toHexString(h));
        }
    }

    /** Every non-negative finite half by its value, and infinity. */
    private static final Map<Double, Integer> BITS_BY_VALUE = new HashMap<>();

    static {
        for (int h = 0; h <= 0x7C00; h++) {
            BITS_BY_VALUE.put(reference(h), h);
        }
    }

    /** Round to nearest, ties to even, computed on doubles (a float's value is exact in a double). */
    static int referenceFromFloat(float f) {
        if (Float.isNaN(f)) {
            return -1;
        }
        int sign = Float.floatToRawIntBits(f) < 0 ? 0x8000 : 0;
        double a = Math.abs((double) f);
        // 65504 is the largest half; values from halfway to the next power (65520) up round to infinity
        if (a >= 65520) {
            return sign | 0x7C00;
        }
        double quantum = a < Math.pow(2, -14) ? Math.pow(2, -24) : Math.pow(2, Math.getExponent(a) - 10);
        double rounded = Math.rint(a / quantum) * quantum; // rint rounds ties to even
        Integer bits = BITS_BY_VALUE.get(rounded);
        if (bits == null) {
            throw new AssertionError("no half for " + rounded);
        }
        return sign | bits;
    }

    private static void check(float f) {
        short actual = Half.fromFloat(f);
        int expected = referenceFromFloat(f);
        if (expected < 0) {
            assertTrue(Float.isNaN(Half.toFloat(actual)), "NaN stays NaN for bits " + Integer.toHexString(Float.floatToRawIntBits(f)));
            return;
        }
        assertEquals(expected, actual & 0xFFFF, () -> "fromFloat(" + f + ") bits 0x" + Integer.toHexString(Float.floatToRawIntBits(f)));
    }

    @Test
    void fromFloatRoundsToNearestEvenAroundEveryHalf() {
        for (int h = 0; h < 0x7C00; h++) {
            float v = (float) reference(h);
            float next = (float) reference(h + 1);
            float mid = (float) ((reference(h) + reference(h + 1)) / 2); // a tie: exact in float
            for (float f : new float[] {v, Math.nextUp(v), Math.nextDown(v), mid, Math.nextUp(mid), Math.nextDown(mid), next}) {
                check(f);
                check(-f);
            }
        }
    }

    @Test
    void fromFloatSpecialsAndRandomFloats() {
        check(Float.POSITIVE_INFINITY);
        check(Float.NEGATIVE_INFINITY);
        check(Float.NaN);
        check(Float.intBitsToFloat(0x7F800001)); // signalling NaN whose payload is only in the low 13 bits
        check(Float.MAX_VALUE);
        check(Float.MIN_VALUE);
        check(65504f);
        check(65519.99f);
        check(65520f);
        check((float) Math.pow(2, -25)); // tie between 0 and the smallest subnormal: rounds to 0
        check(Math.nextUp((float) Math.pow(2, -25)));
        assertEquals(0x7BFF, Half.fromFloat(65504f));
        assertEquals(0x7C00, Half.fromFloat(65520f));
        assertEquals(0x0000, Half.fromFloat((float) Math.pow(2, -25)));
        assertEquals((short) 0x8000, Half.fromFloat(-0.0f));
        assertEquals(0x3C00, Half.fromFloat(1.0f));
        // 1 + 2^-11 is halfway between 1 and 1 + 2^-10: ties go to the even 1.0
        assertEquals(0x3C00, Half.fromFloat(1f + 0x1p-11f));
        // 1 + 3 * 2^-11 is halfway between odd 0x3C01 and even 0x3C02
        assertEquals(0x3C02, Half.fromFloat(1f + 3 * 0x1p-11f));
        Random r = new Random(7);
        for (int i = 0; i < 1_000_000; i++) {
            check(Float.intBitsToFloat(r.nextInt()));
        }
    }

    @Test
    void everyHalfRoundTripsThroughFloat() {
        for (int h = 0; h < 65536; h++) {
            float f = Half.toFloat((short) h);
            if (!Float.isNaN(f)) {
                assertEquals(h, Half.fromFloat(f) & 0xFFFF, "half 0x" + Integer.toHexString(h));
            }
        }
    }
}
