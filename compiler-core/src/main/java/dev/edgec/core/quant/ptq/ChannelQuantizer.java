package dev.edgec.core.quant.ptq;

import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;

/**
 * Quantizes constant weights per output channel (int8, symmetric, zero point 0) and biases to int32
 * with scale s_input · s_weight[c], the layout integer Conv/Gemm kernels need: the bias adds straight
 * into the int32 accumulator.
 */
public final class ChannelQuantizer {
    private ChannelQuantizer() {
    }

    /** Int8 values and one scale per index of {@code axis}. */
    public record PerChannel(Tensor values, float[] scales, int axis) {
    }

    /** Quantizes float weights symmetrically, one scale per slice along {@code axis}. */
    public static PerChannel weights(Tensor w, int axis) {
        Shape s = w.shape();
        int channels = s.dim(axis);
        int inner = 1;
        for (int d = axis + 1; d < s.rank(); d++) {
            inner *= s.dim(d);
        }
        int n = w.elementCount();
        double[] absMax = new double[channels];
        for (int i = 0; i < n; i++) {
            int c = (i / inner) % channels;
            absMax[c] = Math.max(absMax[c], Math.abs(w.getDouble(i)));
        }
        QuantParams[] params = new QuantParams[channels];
        float[] scales = new float[channels];
        for (int c = 0; c < channels; c++) {
            params[c] = QuantParams.symmetricInt8(absMax[c]);
            scales[c] = params[c].scale();
        }
        long[] q = new long[n];
        for (int i = 0; i < n; i++) {
            q[i] = params[(i / inner) % channels].quantize(w.getDouble(i));
        }
        return new PerChannel(Tensor.ofLongs(DataType.INT8, s, q), scales, axis);
    }

    /** The int32 bias for a layer whose input has scale {@code inputScale}; its scales are s_input · s_weight[c]. */
    public static PerChannel bias(Tensor b, float inputScale, float[] weightScales) {
        int n = b.elementCount();
        if (n != weightScales.length) {
            throw new IllegalArgumentException("bias has " + n + " values for " + weightScales.length + " channels");
        }
        float[] scales = new float[n];
        long[] q = new long[n];
        for (int c = 0; c < n; c++) {
            scales[c] = inputScale * weightScales[c];
            double v = Math.rint(b.getDouble(c) / scales[c]);
            q[c] = (long) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
        }
        return new PerChannel(Tensor.ofLongs(DataType.INT32, Shape.of(n), q), scales, 0);
    }
}
