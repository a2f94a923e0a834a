package dev.edgec.core.quant.ptq;

import dev.edgec.core.onnx.ExternalDataResolver;
import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.core.onnx.TensorDecoder;
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
 * Folds each inference BatchNormalization into the Conv before it, in the ONNX model, before
 * {@code --integer-only} quantization: {@code w'[c] = w[c] · γ[c] / √(var[c] + ε)} and
 * {@code b'[c] = (b[c] − mean[c]) · γ[c] / √(var[c] + ε) + β[c]}. The quantizer then sees one Conv
 * (quantized as a whole) instead of a Conv and a float BatchNormalization between two QDQ pairs, which
 * would have no integer kernel. The default quantization does not use it (edgec's optimizer folds
 * BatchNormalization in the float model the same way).
 */
public final class BatchNormPrefold {
    private BatchNormPrefold() {
    }

    /** The model with every foldable Conv → BatchNormalization pair folded (the model itself when there is none). */
    public static ModelProto fold(ModelProto model) {
        GraphProto g = model.getGraph();
        Map<String, TensorProto> inits = new HashMap<>();
        g.getInitializerList().forEach(t -> inits.put(t.getName(), t));
        Map<String, NodeProto> producers = new HashMap<>();
        Map<String, Integer> uses = new HashMap<>();
        for (NodeProto n : g.getNodeList()) {
            n.getOutputList().forEach(o -> producers.put(o, n));
            n.getInputList().forEach(i -> uses.merge(i, 1, Integer::sum));
        }
        Set<String> graphOutputs = new HashSet<>();
        g.getOutputList().forEach(v -> graphOutputs.add(v.getName()));
        Map<NodeProto, NodeProto> foldedConvs = new HashMap<>();
        Set<NodeProto> removed = new HashSet<>();
        GraphProto.Builder out = g.toBuilder();
        for (NodeProto bn : g.getNodeList()) {
            if (!bn.getOpType().equals("BatchNormalization") || !bn.getDomain().isEmpty() || bn.getOutputCount() != 1
                    || bn.getInputCount() != 5 || QuantizableNode.intAttr(bn, "training_mode", 0) != 0) {
                continue;
            }
            NodeProto conv = producers.get(bn.getInput(0));
            if (conv == null || !conv.getOpType().equals("Conv") || !conv.getDomain().isEmpty() || foldedConvs.containsKey(conv)
                    || uses.getOrDefault(bn.getInput(0), 0) != 1 || graphOutputs.contains(bn.getInput(0))) {
                continue;
            }
            Tensor w = constant(inits, conv.getInput(1));
            Tensor b = conv.getInputCount() > 2 && !conv.getInput(2).isEmpty() ? constant(inits, conv.getInput(2)) : null;
            Tensor[] p = new Tensor[4];
            for (int i = 0; i < 4; i++) {
                p[i] = constant(inits, bn.getInput(i + 1));
            }
            boolean hasBias = conv.getInputCount() > 2 && !conv.getInput(2).isEmpty();
            if (w == null || (hasBias && b == null) || java.util.Arrays.stream(p).anyMatch(t -> t == null)
                    || w.shape().rank() < 3 || uses.getOrDefault(conv.getInput(1), 0) != 1) {
                continue;
            }
            int channels = w.shape().dim(0);
            if (java.util.Arrays.stream(p).anyMatch(t -> t.elementCount() != channels) || b != null && b.elementCount() != channels) {
                continue;
            }
            double eps = QuantizableNode.floatAttr(bn, "epsilon", 1e-5f);
            float[] wv = w.toFloats();
            float[] bias = new float[channels];
            int per = wv.length / channels;
            for (int c = 0; c < channels; c++) {
                double k = p[0].getDouble(c) / Math.sqrt(p[3].getDouble(c) + (float) eps);
                for (int j = 0; j < per; j++) {
                    wv[c * per + j] = (float) (wv[c * per + j] * k);
                }
                double b0 = b == null ? 0 : b.getDouble(c);
                bias[c] = (float) ((b0 - p[2].getDouble(c)) * k + p[1].getDouble(c));
            }
            String wName = fresh(inits, conv.getInput(1) + "_bn_folded");
            String bName = fresh(inits, (hasBias ? conv.getInput(2) : conv.getName() + "_bias") + "_bn_folded");
            inits.put(wName, null);
            inits.put(bName, null);
            out.addInitializer(OnnxBuilder.tensorProto(wName, Tensor.ofFloats(w.shape(), wv)));
            out.addInitializer(OnnxBuilder.tensorProto(bName, Tensor.ofFloats(Shape.of(channels), bias)));
            NodeProto.Builder nc = conv.toBuilder().clearInput().addInput(conv.getInput(0)).addInput(wName).addInput(bName)
                    .setOutput(0, bn.getOutput(0));
            foldedConvs.put(conv, nc.build());
            removed.add(bn);
        }
        if (removed.isEmpty()) {
            return model;
        }
        out.clearNode();
        for (NodeProto n : g.getNodeList()) {
            if (!removed.contains(n)) {
                out.addNode(foldedConvs.getOrDefault(n, n));
            }
        }
        Set<String> used = new HashSet<>();
        out.getNodeList().forEach(n -> used.addAll(n.getInputList()));
        g.getInputList().forEach(v -> used.add(v.getName()));
        g.getOutputList().forEach(v -> used.add(v.getName()));
        var keep = out.getInitializerList().stream().filter(t -> used.contains(t.getName())).toList();
        out.clearInitializer().addAllInitializer(keep);
        return model.toBuilder().setGraph(out).build();
    }

    private static Tensor constant(Map<String, TensorProto> inits, String name) {
        TensorProto t = inits.get(name);
        if (t == null || t.getDataType() != TensorProto.DataType.FLOAT_VALUE) {
            return null;
        }
        return new TensorDecoder(new ExternalDataResolver(null), Long.MAX_VALUE).decode(t, "initializer '" + name + "'");
    }

    private static String fresh(Map<String, TensorProto> inits, String base) {
        String name = base;
        for (int i = 1; inits.containsKey(name); i++) {
            name = base + "_" + i;
        }
        return name;
    }
}
