package dev.edgec.core.quant.ptq;

import dev.edgec.core.onnx.proto.OnnxProto.AttributeProto;
import dev.edgec.core.onnx.proto.OnnxProto.NodeProto;
import dev.edgec.ir.Tensor;

/**
 * Bias correction for weight rounding (Nagel et al., "Data-Free Quantization", 2019): rounding the
 * weights to int8 shifts output channel c on average by {@code Σ_j (ŵ[c, j] − w[c, j]) · E[x_j]}, the
 * rounding error times the mean input reaching it. This shift is the same for every position and
 * sample, so averaging layers (AveragePool, GlobalAveragePool) keep it while they average the rest of
 * the rounding noise away. Subtracting it from the float bias before the bias is quantized removes it.
 * The input means are per channel ({@link ActivationRange#channelMeans}); padding is ignored (a
 * border tap reads 0, not the mean), so the correction is exact for interior outputs.
 */
final class BiasCorrection {
    private BiasCorrection() {
    }

    /**
     * The corrected float bias of {@code q}, or {@code bias} unchanged when the input means do not fit
     * its weights.
     *
     * @param w the float weights, {@code quantized} their int8 values and scales along {@code q.weightAxis()}
     */
    static Tensor corrected(QuantizableNode q, Tensor bias, Tensor w, ChannelQuantizer.PerChannel quantized,
            double[] inputMeans) {
        if (inputMeans == null) {
            return bias;
        }
        int[] dims = w.shape().dims();
        int outChannels = dims[q.weightAxis()];
        double[] shift = new double[outChannels];
        if (q.weightAxis() == 0) {
            // [C_out, C_in / group, taps...] (Conv) or [N, K] (Gemm transB = 1)
            int perFilter = w.elementCount() / outChannels;
            int inPerGroup = dims[1];
            int taps = perFilter / inPerGroup;
            int group = (int) intAttr(q.node(), "group", 1);
            if (inPerGroup * group != inputMeans.length || outChannels % group != 0) {
                return bias;
            }
            int filtersPerGroup = outChannels / group;
            for (int c = 0; c < outChannels; c++) {
                int firstInput = c / filtersPerGroup * inPerGroup;
                double s = 0;
                for (int i = 0; i < perFilter; i++) {
                    int e = c * perFilter + i;
                    s += error(w, quantized, e, c) * inputMeans[firstInput + i / taps];
                }
                shift[c] = s;
            }
        } else {
            // [K, N]: MatMul, Gemm transB = 0
            int k = dims[0];
            if (dims.length != 2 || k != inputMeans.length) {
                return bias;
            }
            for (int r = 0; r < k; r++) {
                for (int c = 0; c < outChannels; c++) {
                    shift[c] += error(w, quantized, r * outChannels + c, c) * inputMeans[r];
                }
            }
        }
        float[] b = bias.toFloats();
        float[] out = new float[b.length];
        for (int c = 0; c < b.length; c++) {
            out[c] = (float) (b[c] - shift[c]);
        }
        return Tensor.ofFloats(bias.shape(), out);
    }

    /** Dequantized minus float value of weight element {@code e} (of output channel {@code c}). */
    private static double error(Tensor w, ChannelQuantizer.PerChannel quantized, int e, int c) {
        return (double) quantized.scales()[c] * quantized.values().getLong(e) - w.getDouble(e);
    }

    private static long intAttr(NodeProto n, String name, long dflt) {
        for (AttributeProto a : n.getAttributeList()) {
            if (a.getName().equals(name)) {
                return a.getI();
            }
        }
        return dflt;
    }
}
