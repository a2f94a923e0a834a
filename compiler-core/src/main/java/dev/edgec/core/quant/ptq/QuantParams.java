package dev.edgec.core.quant.ptq;

/**
 * The scale and zero point of one int8 quantized tensor (or one channel of it): {@code real = scale · (q − zeroPoint)}.
 * Scales are float32 because that is how ONNX stores them; quantization rounds half to even, as
 * ONNX QuantizeLinear does.
 */
public record QuantParams(float scale, int zeroPoint) {
    public static final int INT8_MIN = -128;
    public static final int INT8_MAX = 127;
    /** Symmetric weights use [-127, 127] so that −absMax and +absMax are both representable. */
    public static final int SYMMETRIC_MAX = 127;

    public QuantParams {
        if (!(scale > 0) || Float.isInfinite(scale)) {
            throw new IllegalArgumentException("scale must be positive and finite, got " + scale);
        }
    }

    /**
     * Asymmetric int8 parameters for an activation range: the range is first widened to include 0 (so
     * that zero padding and Relu's zero are exact), then mapped onto [-128, 127]. An empty range gets
     * scale 1.
     */
    public static QuantParams asymmetricInt8(double min, double max) {
        double lo = Math.min(min, 0);
        double hi = Math.max(max, 0);
        if (!(hi > lo)) {
            return new QuantParams(1f, 0);
        }
        float scale = (float) ((hi - lo) / (INT8_MAX - INT8_MIN));
        if (!(scale > 0)) {
            scale = Float.MIN_NORMAL;
        }
        long zp = Math.round(INT8_MIN - lo / scale);
        return new QuantParams(scale, (int) Math.max(INT8_MIN, Math.min(INT8_MAX, zp)));
    }

    /** Symmetric int8 parameters (zero point 0) for values within ±absMax; absMax 0 gets scale 1. */
    public static QuantParams symmetricInt8(double absMax) {
        if (!(absMax > 0)) {
            return new QuantParams(1f, 0);
        }
        float scale = (float) (absMax / SYMMETRIC_MAX);
        return new QuantParams(scale > 0 ? scale : Float.MIN_NORMAL, 0);
    }

    /** Quantizes one value as ONNX QuantizeLinear does for int8: round half to even, then saturate. */
    public int quantize(double x) {
        double q = Math.rint(x / scale) + zeroPoint;
        return (int) Math.max(INT8_MIN, Math.min(INT8_MAX, q));
    }

    /** The real value a quantized value stands for. */
    public double dequantize(int q) {
        return (double) scale * (q - zeroPoint);
    }
}
