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

/**
 * Folds {@code Add(y, b)} into the Conv, Gemm or MatMul producing y when b is a float32 constant that
 * varies only along the output-channel axis (Conv: axis 1, e.g. [1,C,1,1] or [C,1,1]; Gemm/MatMul:
 * the last axis, e.g. [N] or [1,N]; a single value counts too) and the Add does not change y's
 * shape. b becomes (or is added to) the producer's bias: Conv input B, Gemm input C (beta set to 1),
 * and a 2-D MatMul turns into a Gemm with C, any other MatMul gets the internal {@code edgec.bias}
 * attribute. Only when y has no other reader and the producer has no fused activation yet.
 */
public final class BiasAddFolding implements Pass {
    /** The rewritten producer and, when it reads a new bias constant, that constant. */
    private record Fused(Node node, String biasName, Tensor bias) {
    }

    @Override
    public String name() {
        return "fold-bias-add";
    }

    @Override
    public Graph run(Graph g) {
        Uses uses = new Uses(g);
        for (Node add : g.nodes()) {
            if (!add.domain().isEmpty() || !add.opType().equals("Add") || add.inputs().size() != 2) {
                continue;
            }
            for (int side = 0; side < 2; side++) {
                String y = add.input(side);
                Tensor b = g.constants().get(add.input(1 - side));
                Node producer = uses.producer(y);
                if (b == null || b.dataType() != DataType.FLOAT32 || producer == null || !producer.domain().isEmpty()
                        || InternalAttributes.hasActivation(producer) || !uses.hasSingleUse(y)
                        || !g.type(y).equals(g.type(add.output(0)))) {
                    continue;
                }
                Shape out = g.type(y).shape();
                int axis = switch (producer.opType()) {
                    case "Conv" -> 1;
                    case "Gemm", "MatMul" -> out.rank() - 1;
                    default -> -1;
                };
                if (axis < 0 || axis >= out.rank()) {
                    continue;
                }
                float[] perChannel = perChannel(b, out, axis);
                if (perChannel == null) {
                    continue;
                }
                Fused fused = switch (producer.opType()) {
                    case "Conv" -> intoConv(g, producer, perChannel);
                    case "Gemm" -> intoGemm(g, producer, perChannel);
                    default -> intoMatMul(g, producer, perChannel);
                };
                if (fused == null) {
                    continue;
                }
                return replace(g, producer, add, fused);
            }
        }
        return g;
    }

    /**
     * b's value per channel when b broadcasts into {@code out} only along {@code axis} (numpy
     * alignment from the right, no dimension added), else null.
     */
    static float[] perChannel(Tensor b, Shape out, int axis) {
        Shape s = b.shape();
        if (s.rank() > out.rank()) {
            return null;
        }
        int channels = out.dim(axis);
        int shift = out.rank() - s.rank();
        boolean varies = false;
        for (int i = 0; i < s.rank(); i++) {
            int d = s.dim(i);
            if (i + shift == axis) {
                if (d != 1 && d != channels) {
                    return null;
                }
                varies = d == channels && channels != 1;
            } else if (d != 1) {
                return null;
            }
        }
        float[] v = new float[channels];
        for (int c = 0; c < channels; c++) {
            v[c] = (float) b.getDouble(varies ? c : 0);
        }
        return v;
    }

    private static Fused intoConv(Graph g, Node conv, float[] add) {
        Tensor w = g.constants().get(conv.input(1));
        if (w != null && w.shape().dim(0) != add.length) {
            return null;
        }
        float[] bias = existingBias(g, conv, add.length, 1f);
        if (bias == null) {
            return null;
        }
        return withBias(g, conv, conv.opType(), sum(bias, add), Map.of());
    }

    private static Fused intoGemm(Graph g, Node gemm, float[] add) {
        // before opset 7 C broadcasts only with attribute 'broadcast'; keep those models as they are
        if (gemm.opsetVersion() < 7) {
            return null;
        }
        float beta = gemm.attributes().get("beta") instanceof Attribute.FloatAttr f ? f.value() : 1f;
        float[] c = existingBias(g, gemm, add.length, beta);
        if (c == null) {
            return null;
        }
        return withBias(g, gemm, "Gemm", sum(c, add), Map.of("beta", new Attribute.FloatAttr(1f)));
    }

    private static Fused intoMatMul(Graph g, Node matMul, float[] add) {
        // with a 1-D B the last output axis is A's rows, not B's columns
        if (matMul.attributes().containsKey(InternalAttributes.BIAS) || g.type(matMul.input(1)).shape().rank() < 2) {
            return null;
        }
        boolean twoD = g.type(matMul.input(0)).shape().rank() == 2 && g.type(matMul.input(1)).shape().rank() == 2;
        if (twoD && matMul.opsetVersion() >= 7) {
            return withBias(g, matMul, "Gemm", add, Map.of());
        }
        Map<String, Attribute> attrs = new HashMap<>(matMul.attributes());
        attrs.put(InternalAttributes.BIAS, new Attribute.TensorAttr(Tensor.ofFloats(Shape.of(add.length), add)));
        return new Fused(new Node(matMul.name(), matMul.domain(), matMul.opType(), matMul.opsetVersion(),
                matMul.inputs(), matMul.outputs(), attrs), null, null);
    }

    /**
     * The producer's current bias per channel scaled by {@code scale} (zeros when it has none), or
     * null when it has one that is not a per-channel float32 constant.
     */
    private static float[] existingBias(Graph g, Node n, int channels, float scale) {
        if (!n.hasInput(2)) {
            return new float[channels];
        }
        Tensor t = g.constants().get(n.input(2));
        if (t == null || t.dataType() != DataType.FLOAT32) {
            return null;
        }
        Shape out = Shape.of(channels);
        float[] v = t.shape().rank() == 2 && t.shape().dim(0) == 1 ? perChannel(Tensor.ofFloats(Shape.of(t.shape().dim(1)),
                t.toFloats()), out, 0) : perChannel(t, out, 0);
        if (v == null) {
            return null;
        }
        for (int i = 0; i < v.length; i++) {
            v[i] *= scale;
        }
        return v;
    }

    private static float[] sum(float[] a, float[] b) {
        float[] s = new float[a.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = a[i] + b[i];
        }
        return s;
    }

    /** A copy of n as {@code opType} whose input 2 is a new constant holding {@code bias}. */
    private static Fused withBias(Graph g, Node n, String opType, float[] bias, Map<String, Attribute> overrides) {
        String name = BatchNormFolding.freshName(g, n.name() + "_bias");
        List<String> inputs = new ArrayList<>(n.inputs());
        while (inputs.size() < 3) {
            inputs.add("");
        }
        inputs.set(2, name);
        Map<String, Attribute> attrs = new HashMap<>(n.attributes());
        attrs.putAll(overrides);
        return new Fused(new Node(n.name(), n.domain(), opType, n.opsetVersion(), inputs, n.outputs(), attrs), name,
                Tensor.ofFloats(Shape.of(bias.length), bias));
    }

    private static Graph replace(Graph g, Node producer, Node add, Fused fused) {
        Node renamed = Renaming.renameOutput(fused.node(), 0, add.output(0));
        List<Node> nodes = Fusing.replace(g.nodes(), producer, renamed, add);
        Graph.Builder b = g.toBuilder().setNodes(nodes);
        if (fused.biasName() != null) {
            b.addConstant(fused.biasName(), fused.bias());
        }
        return b.build();
    }
}
