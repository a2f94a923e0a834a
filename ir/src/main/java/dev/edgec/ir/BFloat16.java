package dev.edgec.ir;

/**
 * bfloat16 conversions. A bfloat16 is the upper half of a float32 (sign, 8 exponent bits, 7 mantissa
 * bits), so widening is exact: the 16 bits shifted left by 16. Narrowing rounds to nearest, ties to
 * even (as IEEE conversions, ONNX Runtime's {@code BFloat16(float)} and ONNX since 1.13 do; ONNX 1.12's
 * test data truncated instead), overflow rounds to ±infinity, and every NaN becomes a quiet NaN of
 * the same sign (setting the top mantissa bit: truncating a NaN whose payload sits only in the low
 * 16 bits would otherwise give infinity).
 */
public final class BFloat16 {
    private BFloat16() {
    }

    public static float toFloat(short bits) {
        return Float.intBitsToFloat((bits & 0xFFFF) << 16);
    }

    public static short fromFloat(float f) {
        int bits = Float.floatToRawIntBits(f);
        if ((bits & 0x7FFFFFFF) > 0x7F800000) {
            return (short) ((bits >>> 16) | 0x40);
        }
        // adding 0x7FFF rounds halfway cases down; the kept low bit adds one more for odd ones (ties to even)
        return (short) ((bits + 0x7FFF + ((bits >>> 16) & 1)) >>> 16);
    }
}
