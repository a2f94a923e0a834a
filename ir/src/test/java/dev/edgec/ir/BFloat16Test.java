package dev.edgec.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link BFloat16} against a reference that picks, in double arithmetic, the nearer of the two
 * bfloat16 values bracketing a float32 (ties to the even one), with ±2^128 standing for ±infinity
 * as IEEE 754 overflow rounding does.
 */
class BFloat16Test {
    /** The magnitude of bfloat16 bits {@code m} (sign cleared), with infinity counted as 2^128. */
    private static double magnitude(int m) {
        return m == 0x7F80 ? 0x1p128 : (double) Float.intBitsToFloat(m << 16);
    }

    static short reference(float f) {
        int bits = Float.floatToRawIntBits(f);
        int sign = (bits >>> 16) & 0x8000;
        int abs = bits & 0x7FFFFFFF;
        if (abs > 0x7F800000) {
            return (short) (sign | 0x7FC0 | ((abs >>> 16) & 0x3F));
        }
        if (abs == 0x7F800000) {
            return (short) (sign | 0x7F80);
        }
        int below = abs >>> 16;
        int above = below + 1;
        double x = Math.abs((double) f);
        double dBelow = x - magnitude(below);
        double dAbove = magnitude(above) - x;
        int pick;
        if (dBelow == 0) {
            pick = below;
        } else if (dBelow < dAbove) {
            pick = below;
        } else if (dAbove < dBelow) {
            pick = above;
        } else {
            pick = (below & 1) == 0 ? below : above;
        }
        return (short) (sign | pick);
    }

    @Test
    void widensEveryPatternExactly() {
        for (int h = 0; h < 0x10000; h++) {
            float f = BFloat16.toFloat((short) h);
            assertEquals(h << 16, Float.floatToRawIntBits(f), "bits 0x" + Integer.toHexString(h));
        }
    }

    @Test
    void roundTripsEveryPattern() {
        for (int h = 0; h < 0x10000; h++) {
            short back = BFloat16.fromFloat(BFloat16.toFloat((short) h));
            boolean nan = (h & 0x7FFF) > 0x7F80;
            assertEquals(nan ? h | 0x40 : h, back & 0xFFFF, "bits 0x" + Integer.toHexString(h));
        }
    }

    @Test
    void narrowsLikeTheReferenceOnEdgesAndRandomBits() {
        float[] edges = {0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, Float.MAX_VALUE, -Float.MAX_VALUE,
                Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, Float.intBitsToFloat(0x7F800001),
                Float.intBitsToFloat(0xFF800001), 1 + 0x1p-8f, 1 + 0x3p-8f, 1 + 0x1p-8f + 0x1p-23f, 1 - 0x1p-9f,
                Float.intBitsToFloat(0x7F7F8000), Float.intBitsToFloat(0x7F7F7FFF), Float.intBitsToFloat(0x00008000),
                Float.intBitsToFloat(0x00018000), Float.intBitsToFloat(0x007FFFFF), 3.14159265f, 0.48033667f};
        for (float f : edges) {
            check(f);
        }
        Random r = new Random(16);
        for (int i = 0; i < 1_000_000; i++) {
            int bits = r.nextInt();
            if (i % 4 == 0) {
                bits = (bits & 0xFFFF0000) | 0x8000; // an exact tie
            }
            check(Float.intBitsToFloat(bits));
        }
    }

    private static void check(float f) {
        short got = BFloat16.fromFloat(f);
        assertEquals(reference(f), got, () -> "float bits 0x" + Integer.toHexString(Float.floatToRawIntBits(f)));
        if (Float.isNaN(f)) {
            assertTrue(Float.isNaN(BFloat16.toFloat(got)));
        }
    }
}
