package dev.edgec.opt.pass;

import dev.edgec.ir.Attribute;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Graph;
import dev.edgec.ir.Node;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.opt.Pass;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Folds an inference-mode BatchNormalization into the Conv or Gemm that feeds it:
 * with s = scale / sqrt(var + eps), each output channel's weights are multiplied by s and the bias
 * becomes (bias - mean)·s + B. The BatchNormalization node disappears, saving a pass over the
 * activation and its code. Folding happens only when every parameter is a float32 constant and
 * the producer's output feeds nothing else.
 */
public final class BatchNormFolding implements Pass {
    private static final float DEFAULT_EPSILON = 1e-5f;

    @Override
    public String name() {
        return "fold-batchnorm";
    }

    @Override
    public Graph run(Graph g) {
        Uses uses = new Uses(g);
        for (Node bn : g.nodes()) {
            if (!isInferenceBatchNorm(bn)) {
                continue;
            }
            Node producer = uses.producer(bn.input(0));
            // a producer with a fused activation no longer computes the affine map BN would be folded into
            if (producer == null || !producer.domain().isEmpty() || !uses.hasSingleUse(bn.input(0))
                    || InternalAttributes.hasActivation(producer)) {
                continue;
            }
            Optional<float[][]> params = params(g, bn);
            if (params.isEmpty()) {
                continue;
            }
            Optional<Graph> folded = switch (producer.opType()) {
                case "Conv" -> foldIntoConv(g, producer, bn, params.get());
                case "Gemm" -> foldIntoGemm(g, producer, bn, params.get());
                default -> Optional.empty();
            };
            if (folded.isPresent()) {
                return folded.get();
            }
        }
        return g;
    }

    private static boolean isInferenceBatchNorm(Node n) {
        if (!n.domain().isEmpty() || !n.opType().equals("BatchNormalization") || n.inputs().size() != 5) {
            return false;
        }
        if (n.outputs().stream().skip(1).anyMatch(o -> !o.isEmpty())) {
            return false;
        }
        Attribute training = n.attributes().get("training_mode");
        Attribute spatial = n.attributes().get("spatial");
        return (training == null || training instanceof Attribute.IntAttr t && t.value() == 0)
                && (spatial == null || spatial instanceof Attribute.IntAttr s && s.value() == 1)
                && n.attributes().keySet().stream().allMatch(k -> List.of("epsilon", "momentum", "training_mode", "spatial",
                "is_test", "consumed_inputs").contains(k));
    }

    /** {s, shift} per channel: y = x·s + shift, computed in double. */
    private static Optional<float[][]> params(Graph g, Node bn) {
        Tensor[] t = new Tensor[4];
        for (int i = 0; i < 4; i++) {
            Tensor c = g.constants().get(bn.input(i + 1));
            if (c == null || c.dataType() != DataType.FLOAT32 || c.shape().rank() != 1) {
                return Optional.empty();
            }
            t[i] = c;
        }
        int channels = t[0].elementCount();
        for (Tensor c : t) {
            if (c.elementCount() != channels) {
                return Optional.empty();
            }
        }
        float eps = bn.attributes().get("epsilon") instanceof Attribute.FloatAttr f ? f.value() : DEFAULT_EPSILON;
        float[] scale = new float[channels];
        float[] shift = new float[channels];
        for (int c = 0; c < channels; c++) {
            double s = t[0].getDouble(c) / Math.sqrt(t[3].getDouble(c) + eps);
            scale[c] = (float) s;
            shift[c] = (float) (t[1].getDouble(c) - t[2].getDouble(c) * s);
        }
        return Optional.of(new float[][] {scale, shift});
    }

    private static Optional<Graph> foldIntoConv(Graph g, Node conv, Node bn, float[][] p) {
        Tensor w = g.constants().get(conv.input(1));
        if (w == null || w.dataType() != DataType.FLOAT32 || w.shape().dim(0) != p[0].length) {
            return Optional.empty();
        }
        Tensor bias = conv.hasInput(2) ? g.constants().get(conv.input(2)) : null;
        if (conv.hasInput(2) && bias == null) {
            return Optional.empty();
        }
        int m = w.shape().dim(0);
        int per = w.elementCount() / Math.max(m, 1);
        float[] wv = w.toFloats();
        for (int o = 0; o < m; o++) {
            for (int i = 0; i < per; i++) {
                wv[o * per + i] = (float) ((double) wv[o * per + i] * p[0][o]);
            }
        }
        float[] bv = new float[m];
        for (int o = 0; o < m; o++) {
            double b = bias == null ? 0 : bias.getDouble(o);
            bv[o] = (float) (b * p[0][o] + p[1][o]);
        }
        return Optional.of(replace(g, conv, bn, Tensor.ofFloats(w.shape(), wv), Tensor.ofFloats(Shape.of(m), bv), Map.of()));
    }

    private static Optional<Graph> foldIntoGemm(Graph g, Node gemm, Node bn, float[][] p) {
        Tensor w = g.constants().get(gemm.input(1));
        long transB = gemm.attributes().get("transB") instanceof Attribute.IntAttr t ? t.value() : 0;
        float beta = gemm.attributes().get("beta") instanceof Attribute.FloatAttr f ? f.value() : 1f;
        if (w == null || w.dataType() != DataType.FLOAT32 || w.shape().rank() != 2) {
            return Optional.empty();
        }
        int m = transB != 0 ? w.shape().dim(0) : w.shape().dim(1);
        int k = transB != 0 ? w.shape().dim(1) : w.shape().dim(0);
        if (m != p[0].length || g.type(gemm.output(0)).shape().rank() != 2) {
            return Optional.empty();
        }
        Tensor c = gemm.hasInput(2) ? g.constants().get(gemm.input(2)) : null;
        if (gemm.hasInput(2) && (c == null || !(c.elementCount() == 1 || c.elementCount() == m
                && c.shape().dim(c.shape().rank() - 1) == m))) {
            return Optional.empty();
        }
        float[] wv = w.toFloats();
        for (int kk = 0; kk < k; kk++) {
            for (int o = 0; o < m; o++) {
                int at = transB != 0 ? o * k + kk : kk * m + o;
                wv[at] = (float) ((double) wv[at] * p[0][o]);
            }
        }
        float[] bv = new float[m];
        for (int o = 0; o < m; o++) {
            double cb = c == null ? 0 : beta * c.getDouble(c.elementCount() == 1 ? 0 : o);
            bv[o] = (float) (cb * p[0][o] + p[1][o]);
        }
        return Optional.of(replace(g, gemm, bn, Tensor.ofFloats(w.shape(), wv), Tensor.ofFloats(Shape.of(m), bv),
                Map.of("beta", new Attribute.FloatAttr(1f))));
    }

    private static Graph replace(Graph g, Node producer, Node bn, Tensor w, Tensor b, Map<String, Attribute> attrOverrides) {
        String wName = freshName(g, producer.name() + "_bnfold_w");
        String bName = freshName(g, producer.name() + "_bnfold_b");
        List<String> inputs = new ArrayList<>(producer.inputs());
        while (inputs.size() < 3) {
            inputs.add("");
        }
        inputs.set(1, wName);
        inputs.set(2, bName);
        Map<String, Attribute> attrs = new HashMap<>(producer.attributes());
        attrs.putAll(attrOverrides);
        Node fused = new Node(producer.name(), producer.domain(), producer.opType(), producer.opsetVersion(), inputs,
                List.of(bn.output(0)), attrs);
        List<Node> nodes = Fusing.replace(g.nodes(), producer, fused, bn);
        return g.toBuilder().setNodes(nodes).addConstant(wName, w).addConstant(bName, b).build();
    }

    static String freshName(Graph g, String base) {
        String name = base;
        for (int i = 1; g.types().containsKey(name); i++) {
            name = base + "_" + i;
        }
        return name;
    }
}
