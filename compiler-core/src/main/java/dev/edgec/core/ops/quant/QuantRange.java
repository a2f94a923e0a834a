package dev.edgec.core.ops.quant;

import dev.edgec.ir.DataType;

/** The integer range a quantized type saturates to. */
public record QuantRange(long min, long max) {
    public static QuantRange of(DataType t) {
        return switch (t) {
            case INT8 -> new QuantRange(-128, 127);
            case UINT8 -> new QuantRange(0, 255);
            case INT16 -> new QuantRange(-32768, 32767);
            case UINT16 -> new QuantRange(0, 65535);
            case INT32 -> new QuantRange(Integer.MIN_VALUE, Integer.MAX_VALUE);
            default -> throw new IllegalArgumentException("not a quantized type: " + t);
        };
    }

    /**
     * QuantizeLinear of one value, as ONNX Runtime computes it ({@code v / scale} in float32, rounded half
     * to even, plus the zero point, saturated to this range) and as edgec's kernel does (NaN gives the
     * minimum).
     */
    public long quantize(float v, float scale, long zeroPoint) {
        double q = Math.rint(v / scale) + zeroPoint;
        return Double.isNaN(q) ? min : (long) Math.max(min, Math.min(max, q));
    }

    /** Whether this is all of {@code t}'s range. */
    public boolean isWhole(DataType t) {
        return equals(of(t));
    }
}
