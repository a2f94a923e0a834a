package dev.edgec.core.ops.quant;

/**
 * A real multiplier {@code m} as {@code m0 * 2^-shift} with {@code |m0|} in {@code [2^30, 2^31)}, so
 * that {@code acc * m} is an i64 product and a rounding right shift. {@code m} comes from float32 scales
 * (ONNX Runtime also forms the multiplier in float32), whose 24-bit significand {@code m0} holds
 * exactly: the fixed-point multiplier equals ONNX Runtime's float multiplier, bit for bit.
 */
record FixedPointMultiplier(long m0, int shift) {
    /** Largest shift used; a smaller multiplier rounds every i32 accumulator to 0 ({@code |acc·m| < 1/2}). */
    static final int MAX_SHIFT = 62;

    /** The representation of {@code m}, or null when {@code |m| ≥ 2^30} (no output could be in range). */
    static FixedPointMultiplier of(float m) {
        if (m == 0) {
            return new FixedPointMultiplier(0, 1);
        }
        int e = Math.getExponent(m) + 1; // m = f · 2^e with |f| in [0.5, 1)
        int shift = 31 - e;
        if (shift < 1) {
            return null;
        }
        if (shift > MAX_SHIFT) {
            return new FixedPointMultiplier(0, 1);
        }
        long m0 = (long) Math.scalb((double) m, shift); // exact: m has 24 significant bits
        return new FixedPointMultiplier(m0, shift);
    }

    /** {@code acc · m} rounded half to even, computed as the emitted code does (for tests and folding). */
    long apply(long acc) {
        long p = acc * m0;
        long q = p >> shift;
        long r = p - (q << shift);
        long half = 1L << (shift - 1);
        return q + (r > half || (r == half && (q & 1) != 0) ? 1 : 0);
    }
}
