package dev.edgec.core.quant.ptq;

import dev.edgec.core.onnx.ExternalDataResolver;
import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.core.onnx.TensorDecoder;
import dev.edgec.core.onnx.proto.OnnxProto.AttributeProto;
import dev.edgec.core.onnx.proto.OnnxProto.GraphProto;
import dev.edgec.core.onnx.proto.OnnxProto.ModelProto;
import dev.edgec.core.onnx.proto.OnnxProto.NodeProto;
import dev.edgec.core.onnx.proto.OnnxProto.TensorProto;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Folds each inference BatchNormalization into the Conv before it, before quantization (as ONNX
 * Runtime's quantization pre-processing does): {@code w'[c] = w[c] · g[c] / sqrt(v[c] + eps)} and
 * {@code b'[c] = (b[c] − mean[c]) · g[c] / sqrt(v[c] + eps) + beta[c]}. Without it the quantizer
 * would round the raw Conv output to int8, normalize it in float, and round it again after the Relu:
 * two roundings per layer, the first one on a range the normalization then rescales, and no integer
 * Conv → Relu kernel. The folded Conv writes the BatchNormalization's output tensor, so calibrated
 * ranges of the float model still apply. Folds only when the Conv's output is read by the
 * BatchNormalization alone (and is no graph output), and weight, bias and the four statistics are
 * float initializers.
 */
public final class BatchNormPreFolding {
    private BatchNormPreFolding() {
    }

    /** The model with every foldable BatchNormalization folded (the same model when there is none). */
    public static ModelProto fold(ModelProto model) {
        GraphProto g = model.getGraph();
        Map<String, TensorProto> inits = new HashMap<>();
        g.getInitializerList().forEach(t -> inits.put(t.getName(), t));
        Map<String, Integer> readers = new HashMap<>();
        for (NodeProto n : g.getNodeList()) {
            n.getInputList().forEach(i -> readers.merge(i, 1, Integer::sum));
        }
        Set<String> outputs = new HashSet<>();
        g.getOutputList().forEach(v -> outputs.add(v.getName()));
        Map<String, NodeProto> bnReading = new HashMap<>();
        for (NodeProto n : g.getNodeList()) {
            if (isDefault(n, "BatchNormalization") && n.getOutputCount() == 1 && n.getInputCount() == 5) {
                bnReading.put(n.getInput(0), n);
            }
        }
        GraphProto.Builder out = g.toBuilder().clearNode();
        Set<NodeProto> folded = new HashSet<>();
        Set<String> taken = new HashSet<>();
        g.getInitializerList().forEach(t -> taken.add(t.getName()));
        g.getNodeList().forEach(n -> taken.addAll(n.getOutputList()));
        for (NodeProto n : g.getNodeList()) {
            if (folded.contains(n)) {
                continue;
            }
            NodeProto bn = isDefault(n, "Conv") && n.getOutputCount() == 1 ? bnReading.get(n.getOutput(0)) : null;
            NodeProto conv = bn == null || readers.get(n.getOutput(0)) != 1 || outputs.contains(n.getOutput(0))
                    ? null : foldedConv(n, bn, inits, out, taken);
            if (conv == null) {
                out.addNode(n);
            } else {
                out.addNode(conv);
                folded.add(bn);
            }
        }
        return folded.isEmpty() ? model : model.toBuilder().setGraph(out).build();
    }

    /** The Conv with {@code bn} folded in (new initializers added to {@code out}), or null when it cannot fold. */
    private static NodeProto foldedConv(NodeProto conv, NodeProto bn, Map<String, TensorProto> inits,
            GraphProto.Builder out, Set<String> taken) {
        if (attributes(bn).stream().anyMatch(a -> !(a.equals("epsilon") || a.equals("momentum")
                || a.equals("spatial") && intAttr(bn, "spatial", 1) == 1
                || a.equals("training_mode") && intAttr(bn, "training_mode", 0) == 0))) {
            return null;
        }
        TensorProto wp = inits.get(conv.getInput(1));
        String biasName = conv.getInputCount() > 2 ? conv.getInput(2) : "";
        TensorProto bp = biasName.isEmpty() ? null : inits.get(biasName);
        if (wp == null || wp.getDataType() != TensorProto.DataType.FLOAT_VALUE || !biasName.isEmpty() && bp == null) {
            return null;
        }
        Tensor[] stats = new Tensor[4];
        for (int i = 0; i < 4; i++) {
            TensorProto t = inits.get(bn.getInput(i + 1));
            if (t == null || t.getDataType() != TensorProto.DataType.FLOAT_VALUE) {
                return null;
            }
            stats[i] = decode(t);
        }
        Tensor w = decode(wp);
        int channels = w.shape().dim(0);
        for (Tensor s : stats) {
            if (s.elementCount() != channels) {
                return null;
            }
        }
        Tensor b = bp == null ? null : decode(bp);
        if (b != null && b.elementCount() != channels) {
            return null;
        }
        double eps = floatAttr(bn, "epsilon", 1e-5f);
        int per = w.elementCount() / channels;
        float[] wf = w.toFloats();
        float[] nw = new float[wf.length];
        float[] nb = new float[channels];
        for (int c = 0; c < channels; c++) {
            double k = stats[0].getDouble(c) / Math.sqrt(stats[3].getDouble(c) + eps);
            for (int i = 0; i < per; i++) {
                nw[c * per + i] = (float) (wf[c * per + i] * k);
            }
            double bias = b == null ? 0 : b.getDouble(c);
            nb[c] = (float) ((bias - stats[2].getDouble(c)) * k + stats[1].getDouble(c));
        }
        String wName = fresh(taken, conv.getInput(1) + "_bn_folded");
        String bName = fresh(taken, bn.getName().isEmpty() ? conv.getOutput(0) + "_bn_bias" : bn.getName() + "_folded_bias");
        out.addInitializer(OnnxBuilder.tensorProto(wName, Tensor.ofFloats(w.shape(), nw)));
        out.addInitializer(OnnxBuilder.tensorProto(bName, Tensor.ofFloats(Shape.of(channels), nb)));
        NodeProto.Builder f = conv.toBuilder().setInput(1, wName).setOutput(0, bn.getOutput(0));
        if (conv.getInputCount() > 2) {
            f.setInput(2, bName);
        } else {
            f.addInput(bName);
        }
        return f.build();
    }

    private static boolean isDefault(NodeProto n, String op) {
        return (n.getDomain().isEmpty() || n.getDomain().equals("ai.onnx")) && n.getOpType().equals(op);
    }

    private static java.util.List<String> attributes(NodeProto n) {
        return n.getAttributeList().stream().map(AttributeProto::getName).toList();
    }

    private static long intAttr(NodeProto n, String name, long dflt) {
        return n.getAttributeList().stream().filter(a -> a.getName().equals(name)).mapToLong(AttributeProto::getI)
                .findFirst().orElse(dflt);
    }

    private static double floatAttr(NodeProto n, String name, float dflt) {
        for (AttributeProto a : n.getAttributeList()) {
            if (a.getName().equals(name)) {
                return a.getF();
            }
        }
        return dflt;
    }

    private static String fresh(Set<String> taken, String base) {
        String name = base;
        for (int i = 1; !taken.add(name); i++) {
            name = base + "_" + i;
        }
        return name;
    }

    private static Tensor decode(TensorProto t) {
        return new TensorDecoder(new ExternalDataResolver(null), Long.MAX_VALUE).decode(t, "initializer '" + t.getName() + "'");
    }
}
