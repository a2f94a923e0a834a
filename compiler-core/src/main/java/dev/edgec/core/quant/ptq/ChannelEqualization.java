package dev.edgec.core.quant.ptq;

import dev.edgec.core.onnx.ExternalDataResolver;
import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.core.onnx.TensorDecoder;
import dev.edgec.core.onnx.proto.OnnxProto.GraphProto;
import dev.edgec.core.onnx.proto.OnnxProto.ModelProto;
import dev.edgec.core.onnx.proto.OnnxProto.NodeProto;
import dev.edgec.core.onnx.proto.OnnxProto.TensorProto;
import dev.edgec.ir.Tensor;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cross-layer equalization of activation ranges (after Nagel et al., "Data-Free Quantization", 2019,
 * with the activation/weight balance of Xiao et al., "SmoothQuant", 2023). One int8 scale serves a
 * whole activation tensor, so a channel whose values span a tenth of the widest channel's range gets a
 * tenth of the levels: in the zoo's DS-CNN the widest channel of a depthwise output spans 13.5 and the
 * median one 2.25. For a Conv (or Gemm) → [Relu] → [MaxPool] → Conv chain whose middle tensor is read
 * by that one Conv, scaling channel c of the middle tensor by {@code 1/s[c]} (the producer's filter c
 * and bias c divided by {@code s[c]}; Relu and MaxPool commute with a positive scale) and the
 * consumer's weights reading channel c by {@code s[c]} computes the same function. The producer's
 * per-channel weight scales absorb its part exactly. When the consumer is depthwise, so do its own,
 * and the channels are equalized fully ({@code s[c] = r[c]}, r the channel's calibrated range); when
 * it sums over channels, {@code s[c] = sqrt(r[c] / m[c])} (m: the consumer's largest weight magnitude
 * on channel c) splits the imbalance between the activation and the consumer's weights.
 */
public final class ChannelEqualization {
    private static final double MIN_SCALE = 1e-3;

    /** The equalized model, and the calibrated ranges rescaled to match. */
    public record Result(ModelProto model, Map<String, ActivationRange> ranges) {
    }

    private ChannelEqualization() {
    }

    public static Result apply(ModelProto model, Map<String, ActivationRange> ranges) {
        GraphProto g = model.getGraph();
        Map<String, TensorProto> inits = new LinkedHashMap<>();
        g.getInitializerList().forEach(t -> inits.put(t.getName(), t));
        Map<String, Integer> readers = new HashMap<>();
        Map<String, NodeProto> readerOf = new HashMap<>();
        for (NodeProto n : g.getNodeList()) {
            for (String i : n.getInputList()) {
                readers.merge(i, 1, Integer::sum);
                readerOf.put(i, n);
            }
        }
        java.util.Set<String> graphOutputs = new java.util.HashSet<>();
        g.getOutputList().forEach(v -> graphOutputs.add(v.getName()));
        Map<String, Tensor> weights = new HashMap<>();
        Map<String, ActivationRange> newRanges = new HashMap<>(ranges);
        for (NodeProto n : g.getNodeList()) {
            QuantizableNode producer = QuantizableNode.of(n, inits);
            if (producer == null || producer.weightAxis() != 0 || readers.getOrDefault(producer.weight(), 0) != 1
                    || producer.bias() != null && (!producer.quantizeBias() || readers.getOrDefault(producer.bias(), 0) != 1)) {
                continue;
            }
            // follow the single reader through Relu and MaxPool to a Conv reading the chain's end as its input
            List<String> chain = new java.util.ArrayList<>(List.of(producer.output()));
            NodeProto next = single(chain.get(0), readers, readerOf, graphOutputs);
            while (next != null && next.getDomain().isEmpty() && (next.getOpType().equals("Relu")
                    || next.getOpType().equals("MaxPool") && next.getOutputCount() == 1)) {
                chain.add(next.getOutput(0));
                next = single(next.getOutput(0), readers, readerOf, graphOutputs);
            }
            QuantizableNode consumer = next == null ? null : QuantizableNode.of(next, inits);
            String middle = chain.get(chain.size() - 1);
            if (consumer == null || !next.getOpType().equals("Conv") || !consumer.activation().equals(middle)
                    || readers.getOrDefault(consumer.weight(), 0) != 1) {
                continue;
            }
            ActivationRange r = newRanges.get(middle);
            Tensor pw = weights.computeIfAbsent(producer.weight(), w -> decode(inits.get(w)));
            Tensor cw = weights.computeIfAbsent(consumer.weight(), w -> decode(inits.get(w)));
            int channels = pw.shape().dim(0);
            long group = QuantizableNode.intAttr(next, "group", 1);
            boolean depthwise = group == channels && cw.shape().dim(0) == channels && cw.shape().dim(1) == 1;
            if (r == null || r.channelMaxs() == null || r.channelMaxs().length != channels
                    || !depthwise && (group != 1 || cw.shape().dim(1) != channels)) {
                continue;
            }
            double[] s = scales(r, cw, channels, depthwise);
            if (s == null) {
                continue;
            }
            weights.put(producer.weight(), scaleAxis0(pw, s, true));
            if (producer.bias() != null) {
                weights.put(producer.bias(), scaleAxis0(weights.computeIfAbsent(producer.bias(), b -> decode(inits.get(b))), s, true));
            }
            weights.put(consumer.weight(), depthwise ? scaleAxis0(cw, s, false) : scaleAxis1(cw, s));
            for (String t : chain) {
                ActivationRange tr = newRanges.get(t);
                if (tr != null) {
                    newRanges.put(t, divided(tr, s));
                }
            }
        }
        if (weights.isEmpty()) {
            return new Result(model, ranges);
        }
        GraphProto.Builder out = g.toBuilder();
        for (int i = 0; i < out.getInitializerCount(); i++) {
            Tensor t = weights.get(out.getInitializer(i).getName());
            if (t != null) {
                out.setInitializer(i, OnnxBuilder.tensorProto(out.getInitializer(i).getName(), t));
            }
        }
        return new Result(model.toBuilder().setGraph(out).build(), newRanges);
    }

    /** The per-channel divisors, normalized to a largest of 1, or null when a channel is empty. */
    private static double[] scales(ActivationRange r, Tensor consumerWeights, int channels, boolean depthwise) {
        double[] s = new double[channels];
        int per = consumerWeights.elementCount() / consumerWeights.shape().dim(0);
        int taps = depthwise ? per : per / channels;
        double largest = 0;
        for (int c = 0; c < channels; c++) {
            double range = Math.max(r.channelMaxs()[c], 0) - Math.min(r.channelMins()[c], 0);
            if (depthwise) {
                s[c] = range;
            } else {
                double m = 0;
                for (int o = 0; o < consumerWeights.shape().dim(0); o++) {
                    for (int k = 0; k < taps; k++) {
                        m = Math.max(m, Math.abs(consumerWeights.getDouble(o * per + c * taps + k)));
                    }
                }
                s[c] = m > 0 ? Math.sqrt(range / m) : 0;
            }
            largest = Math.max(largest, s[c]);
        }
        if (!(largest > 0)) {
            return null;
        }
        for (int c = 0; c < channels; c++) {
            s[c] = Math.max(s[c] / largest, MIN_SCALE);
        }
        return s;
    }

    private static NodeProto single(String t, Map<String, Integer> readers, Map<String, NodeProto> readerOf,
            java.util.Set<String> graphOutputs) {
        return readers.getOrDefault(t, 0) == 1 && !graphOutputs.contains(t) ? readerOf.get(t) : null;
    }

    /** Slice c along axis 0 divided ({@code divide}) or multiplied by s[c]. */
    private static Tensor scaleAxis0(Tensor t, double[] s, boolean divide) {
        int per = t.elementCount() / s.length;
        float[] v = t.toFloats().clone();
        for (int i = 0; i < v.length; i++) {
            double k = s[i / per];
            v[i] = (float) (divide ? v[i] / k : v[i] * k);
        }
        return Tensor.ofFloats(t.shape(), v);
    }

    /** Input channel c (axis 1 of a Conv weight) multiplied by s[c]. */
    private static Tensor scaleAxis1(Tensor t, double[] s) {
        int outputs = t.shape().dim(0);
        int per = t.elementCount() / outputs;
        int taps = per / s.length;
        float[] v = t.toFloats().clone();
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (v[i] * s[(i % per) / taps]);
        }
        return Tensor.ofFloats(t.shape(), v);
    }

    /**
     * The range of the tensor whose channel c is divided by {@code s[c]}: per channel the calibrated
     * extremes, clipped to the tensor's (possibly percentile-clipped) range, then divided.
     */
    private static ActivationRange divided(ActivationRange r, double[] s) {
        if (r.channelMaxs() == null || r.channelMaxs().length != s.length) {
            return r;
        }
        double[] means = new double[s.length];
        double[] mins = new double[s.length];
        double[] maxs = new double[s.length];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < s.length; c++) {
            // a percentile-clipped range clips every channel at the same real bound before it is scaled
            means[c] = r.channelMeans()[c] / s[c];
            mins[c] = Math.max(r.channelMins()[c], r.min()) / s[c];
            maxs[c] = Math.min(r.channelMaxs()[c], r.max()) / s[c];
            lo = Math.min(lo, mins[c]);
            hi = Math.max(hi, maxs[c]);
        }
        return new ActivationRange(lo, hi, means, mins, maxs);
    }

    private static Tensor decode(TensorProto t) {
        return new TensorDecoder(new ExternalDataResolver(null), Long.MAX_VALUE).decode(t, "initializer '" + t.getName() + "'");
    }
}
