package dev.edgec.cli.quant;

import dev.edgec.core.abi.TensorSpec;
import dev.edgec.core.ops.quant.QuantRange;
import dev.edgec.ir.Tensor;

/**
 * Converts between real values and the quantized inputs and outputs of an integer-only module, with
 * the scale and zero point its signature gives ({@code real = scale · (q − zero_point)}); tensors of
 * specs without a scale pass through. Quantizing rounds half to even and saturates, as QuantizeLinear.
 */
public final class QuantizedEdges {
    private QuantizedEdges() {
    }

    /** {@code real} (float) as the spec's quantized tensor, or {@code real} itself when the spec has no scale. */
    public static Tensor quantize(Tensor real, TensorSpec spec) {
        if (spec.scale() == null || real.dataType() == spec.dtype()) {
            return real;
        }
        QuantRange range = QuantRange.of(spec.dtype());
        float scale = spec.scale().floatValue();
        long[] q = new long[real.elementCount()];
        for (int i = 0; i < q.length; i++) {
            q[i] = range.quantize((float) real.getDouble(i), scale, spec.zeroPoint());
        }
        return Tensor.ofLongs(spec.dtype(), real.shape(), q);
    }

    /** The real values of a quantized output (float32), or {@code q} itself when the spec has no scale. */
    public static Tensor dequantize(Tensor q, TensorSpec spec) {
        if (spec.scale() == null) {
            return q;
        }
        float scale = spec.scale().floatValue();
        float[] v = new float[q.elementCount()];
        for (int i = 0; i < v.length; i++) {
            v[i] = scale * (q.getLong(i) - spec.zeroPoint());
        }
        return Tensor.ofFloats(q.shape(), v);
    }
}
