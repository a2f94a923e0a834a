package dev.edgec.core.quant;

import dev.edgec.ir.Attribute;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Graph;
import dev.edgec.ir.Node;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.TensorType;
import dev.edgec.opt.pass.Uses;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Gemm case of {@link QdqFusion}: {@code Q(Gemm(DQ(a), DQ(w), DQ(bias)))} with alpha = beta = 1 and
 * no transposed {@code a} becomes a pointwise QLinearConv over a length-1 spatial dimension, which
 * takes the int32 bias that QLinearMatMul cannot: {@code a [M, K]} is viewed as {@code [M, K, 1]}
 * (M batches of K channels), the weights are stored as {@code [N, K, 1]} filters (transposed at
 * compile time when {@code transB = 0}), and the {@code [M, N, 1]} result is viewed as {@code [M, N]}.
 */
final class QdqGemm {
    private QdqGemm() {
    }

    static Optional<Graph> fuse(Graph g, Uses uses, Node gemm, Node q) {
        if (gemm.inputs().size() < 2 || !attributesFit(gemm)) {
            return Optional.empty();
        }
        boolean transB = gemm.attributes().get("transB") instanceof Attribute.IntAttr t && t.value() != 0;
        QdqFloatOutput.Operands o = QdqFloatOutput.Operands.of(g, uses, gemm).orElse(null);
        if (o == null || g.type(o.dqx().input(0)).shape().rank() != 2 || o.w().shape().rank() != 2) {
            return Optional.empty();
        }
        Node dqx = o.dqx();
        Node dqw = o.dqw();
        Tensor w = o.w();
        Tensor ws = o.ws();
        int n = transB ? w.shape().dim(0) : w.shape().dim(1);
        int k = transB ? w.shape().dim(1) : w.shape().dim(0);
        if (!o.scalesFit(transB ? 0 : 1, n)) {
            return Optional.empty();
        }
        String bias = "";
        if (gemm.hasInput(2)) {
            Node dqb = uses.producer(gemm.input(2));
            if (!QdqFusion.isDequantize(dqb) || !QdqFusion.biasMatches(g, dqb, dqx, ws)
                    || !g.type(dqb.input(0)).shape().equals(Shape.of(n))) {
                return Optional.empty();
            }
            bias = dqb.input(0);
        }
        int m = g.type(dqx.input(0)).shape().dim(0);
        Graph.Builder b = g.toBuilder();
        String name = gemm.name();
        String filters = fresh(b, name + "_filters");
        b.addConstant(filters, filters(w, transB, n, k));
        String xZp = QdqFusion.zeroPoint(g, b, dqx, name + "_x_zp");
        String wZp = QdqFusion.zeroPoint(g, b, dqw, name + "_w_zp");
        String in3 = fresh(b, name + "_in3d");
        String out3 = fresh(b, name + "_out3d");
        String inShape = fresh(b, name + "_in3d_shape");
        String outShape = fresh(b, name + "_out_shape");
        b.addConstant(inShape, Tensor.ofLongs(DataType.INT64, Shape.of(3), m, k, 1));
        b.addConstant(outShape, Tensor.ofLongs(DataType.INT64, Shape.of(2), m, n));
        b.setType(in3, TensorType.of(g.type(dqx.input(0)).dataType(), m, k, 1));
        b.setType(out3, TensorType.of(g.type(q.output(0)).dataType(), m, n, 1));
        List<String> convIn = new ArrayList<>(List.of(in3, dqx.input(1), xZp, filters, dqw.input(1), wZp, q.input(1), q.input(2)));
        if (!bias.isEmpty()) {
            convIn.add(bias);
        }
        int opset = Math.max(13, gemm.opsetVersion());
        List<Node> replacement = List.of(
                new Node(name + "_view_in", "", "Reshape", opset, List.of(dqx.input(0), inShape), List.of(in3), Map.of()),
                new Node(name, "", "QLinearConv", opset, convIn, List.of(out3), QdqActivation.withClampOf(q, Map.of())),
                new Node(name + "_view_out", "", "Reshape", opset, List.of(out3, outShape), List.of(q.output(0)), Map.of()));
        return Optional.of(b.setNodes(QdqFusion.rewrite(g, gemm, replacement, q)).build());
    }

    static boolean attributesFit(Node gemm) {
        for (Map.Entry<String, Attribute> e : gemm.attributes().entrySet()) {
            boolean fits = switch (e.getKey()) {
                case "alpha", "beta" -> e.getValue() instanceof Attribute.FloatAttr f && f.value() == 1f;
                case "transA" -> e.getValue() instanceof Attribute.IntAttr i && i.value() == 0;
                case "transB" -> e.getValue() instanceof Attribute.IntAttr;
                default -> false;
            };
            if (!fits) {
                return false;
            }
        }
        return true;
    }

    /** The weights as {@code [N, K, 1]} filters. */
    static Tensor filters(Tensor w, boolean transB, int n, int k) {
        long[] v = w.toLongs();
        long[] out = new long[n * k];
        for (int o = 0; o < n; o++) {
            for (int i = 0; i < k; i++) {
                out[o * k + i] = transB ? v[o * k + i] : v[i * n + o];
            }
        }
        return Tensor.ofLongs(w.dataType(), Shape.of(n, k, 1), out);
    }

    private static String fresh(Graph.Builder b, String base) {
        String name = base;
        for (int i = 1; b.types().containsKey(name); i++) {
            name = base + "_" + i;
        }
        return name;
    }
}
