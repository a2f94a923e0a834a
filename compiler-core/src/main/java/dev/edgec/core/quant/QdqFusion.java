package dev.edgec.core.quant;

import dev.edgec.ir.Attribute;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Graph;
import dev.edgec.ir.Node;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.opt.Pass;
import dev.edgec.opt.pass.Uses;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rewrites the QDQ form that ONNX Runtime's quantizer and PyTorch export produce,
 * {@code DequantizeLinear → Conv/MatMul → QuantizeLinear}, into one QLinearConv or QLinearMatMul, so
 * that the model runs on integer kernels with fixed-point requantization instead of dequantizing to
 * float. It fires only when every scale and zero point is a constant, the activation is quantized per
 * tensor, the weights are a constant 8-bit tensor (per tensor, or per output channel along the axis
 * the integer operator expects), a Conv bias is a constant int32 tensor dequantized with zero point 0
 * and scale {@code x_scale · w_scale}, and the float result feeds only the QuantizeLinear. The
 * DequantizeLinear nodes stay (dead-code elimination removes them once unused). Gemm is handled by
 * {@link QdqGemm}; a Gemm or MatMul whose float result no QuantizeLinear reads (an un-requantized last
 * layer) by {@link QdqFloatOutput}. A Relu or Clip between the operator and the QuantizeLinear becomes the
 * integer operator's output clamp, or goes where Q saturates there anyway ({@link QdqActivation}).
 */
public final class QdqFusion implements Pass {
    static final List<DataType> EIGHT_BIT = List.of(DataType.INT8, DataType.UINT8);
    /** The float operators this pass fuses with the QuantizeLinear after them ({@link #fuseOperator}). */
    static final List<String> FUSED = List.of("Conv", "MatMul", "Gemm");

    @Override
    public String name() {
        return "fuse-qdq";
    }

    /**
     * Fuses every pattern before returning: the pass manager runs activation fusion between two runs of
     * this pass, and it would otherwise fuse the Relu of a Gemm/Conv → Relu → QuantizeLinear still
     * waiting here into the float operator, which then has no integer form.
     */
    @Override
    public Graph run(Graph g) {
        Graph current = g;
        while (true) {
            Graph next = fuseOne(current);
            if (next == current) {
                return current;
            }
            current = next;
        }
    }

    private Graph fuseOne(Graph g) {
        Uses uses = new Uses(g);
        for (Node q : g.nodes()) {
            if (!isDefault(q, "QuantizeLinear") || q.inputs().size() != 3 || !perTensorConstants(g, q)) {
                continue;
            }
            Node op = uses.producer(q.input(0));
            if (!uses.hasSingleUse(q.input(0))) {
                continue;
            }
            Optional<long[]> clamp = QdqActivation.clampOf(g, op, q);
            if (clamp.isPresent()) {
                if (QdqActivation.coversType(g, q, clamp.get())) {
                    // Q saturates there anyway: the activation goes, whatever computes its input
                    return QdqActivation.withoutActivation(g, op, q, clamp.get());
                }
                Node inner = uses.producer(op.input(0));
                // the graph copy and its uses only where one of the three fusions could take the pair
                if (inner != null && uses.hasSingleUse(op.input(0)) && inner.domain().isEmpty()
                        && FUSED.contains(inner.opType())) {
                    Graph clamped = QdqActivation.withoutActivation(g, op, q, clamp.get());
                    Node clampedQ = clamped.nodes().stream().filter(n -> n.outputs().equals(q.outputs())).findFirst().orElseThrow();
                    Optional<Graph> fused = fuseOperator(clamped, new Uses(clamped), inner, clampedQ);
                    if (fused.isPresent()) {
                        return fused.get();
                    }
                }
                continue;
            }
            Optional<Graph> fused = fuseOperator(g, uses, op, q);
            if (fused.isPresent()) {
                return fused.get();
            }
        }
        return QdqFloatOutput.fuseOne(g, uses).orElse(g);
    }

    /** {@code op} (reading DQ inputs) and the QuantizeLinear {@code q} after it as one integer operator, if they fit. */
    private static Optional<Graph> fuseOperator(Graph g, Uses uses, Node op, Node q) {
        if (op == null || !op.domain().isEmpty() || !uses.hasSingleUse(q.input(0))) {
            return Optional.empty();
        }
        // a float op that already carries a fused activation or bias (edgec.* attributes) has no integer form
        if (op.attributes().keySet().stream().anyMatch(k -> k.startsWith("edgec."))) {
            return Optional.empty();
        }
        return switch (op.opType()) {
            case "Conv" -> fuse(g, uses, op, q, "QLinearConv", 0);
            case "MatMul" -> fuse(g, uses, op, q, "QLinearMatMul", 1);
            case "Gemm" -> QdqGemm.fuse(g, uses, op, q);
            default -> Optional.empty();
        };
    }

    /** The graph's nodes with {@code replaced} swapped for {@code replacement} (in its place) and {@code removed} left out. */
    static List<Node> rewrite(Graph g, Node replaced, List<Node> replacement, Node removed) {
        List<Node> nodes = new ArrayList<>();
        for (Node n : g.nodes()) {
            if (n == replaced) {
                nodes.addAll(replacement);
            } else if (n != removed) {
                nodes.add(n);
            }
        }
        return nodes;
    }

    /**
     * Fuses {@code op} (reading DQ(x), DQ(w) and for Conv an optional DQ(bias)) and {@code q}.
     * {@code channelAxis} is the weight axis that a per-channel weight scale must run along.
     */
    private static Optional<Graph> fuse(Graph g, Uses uses, Node op, Node q, String fusedType,
                                        int channelAxis) {
        if (op.inputs().size() < 2) {
            return Optional.empty();
        }
        Node dqx = uses.producer(op.input(0));
        Node dqw = uses.producer(op.input(1));
        if (!isDequantize(dqx) || !isDequantize(dqw) || !perTensorConstants(g, dqx)
                || !EIGHT_BIT.contains(g.type(dqx.input(0)).dataType())) {
            return Optional.empty();
        }
        Tensor w = g.constants().get(dqw.input(0));
        Tensor ws = g.constants().get(dqw.input(1));
        if (w == null || ws == null || !EIGHT_BIT.contains(w.dataType()) || ws.dataType() != DataType.FLOAT32
                || dqw.hasInput(2) && !g.constants().containsKey(dqw.input(2))) {
            return Optional.empty();
        }
        if (ws.elementCount() != 1) {
            int rank = w.shape().rank();
            long axis = dqw.attributes().get("axis") instanceof Attribute.IntAttr a ? a.value() : 1;
            int channels = w.shape().dim(Math.min(channelAxis, rank - 1));
            boolean matMulNot2d = fusedType.equals("QLinearMatMul") && rank != 2;
            if (matMulNot2d || (axis + rank) % rank != channelAxis
                    || ws.shape().rank() != 1 || ws.elementCount() != channels) {
                return Optional.empty();
            }
        }
        String bias = "";
        if (op.opType().equals("Conv") && op.hasInput(2)) {
            Node dqb = uses.producer(op.input(2));
            if (!isDequantize(dqb) || !biasMatches(g, dqb, dqx, ws)) {
                return Optional.empty();
            }
            bias = dqb.input(0);
        }
        Graph.Builder b = g.toBuilder();
        List<String> inputs = new ArrayList<>(List.of(dqx.input(0), dqx.input(1), zeroPoint(g, b, dqx, op.name() + "_x_zp"),
                dqw.input(0), dqw.input(1), zeroPoint(g, b, dqw, op.name() + "_w_zp"), q.input(1), q.input(2)));
        if (!bias.isEmpty()) {
            inputs.add(bias);
        }
        Map<String, Attribute> attrs = QdqActivation.withClampOf(q, op.attributes());
        Node fused = new Node(op.name(), "", fusedType, Math.max(10, op.opsetVersion()), inputs, List.of(q.output(0)), attrs);
        return Optional.of(b.setNodes(rewrite(g, op, List.of(fused), q)).build());
    }

    /** The bias is an int32 constant dequantized with zero point 0 and scale x_scale · w_scale (as float32). */
    static boolean biasMatches(Graph g, Node dqb, Node dqx, Tensor ws) {
        Tensor bias = g.constants().get(dqb.input(0));
        Tensor bs = g.constants().get(dqb.input(1));
        if (bias == null || bias.dataType() != DataType.INT32 || bs == null) {
            return false;
        }
        if (dqb.hasInput(2)) {
            Tensor z = g.constants().get(dqb.input(2));
            if (z == null || java.util.Arrays.stream(z.toLongs()).anyMatch(v -> v != 0)) {
                return false;
            }
        }
        float xs = (float) g.constants().get(dqx.input(1)).getDouble(0);
        for (int i = 0; i < bs.elementCount(); i++) {
            float expected = xs * (float) ws.getDouble(ws.elementCount() == 1 ? 0 : i);
            if (Math.abs(bs.getDouble(i) - expected) > 1e-6 * Math.abs(expected)) {
                return false;
            }
        }
        return bs.elementCount() == 1 || bs.elementCount() == bias.elementCount();
    }

    /** The node's zero-point input, or a new constant 0 of its data's type when it has none. */
    static String zeroPoint(Graph g, Graph.Builder b, Node dq, String base) {
        if (dq.hasInput(2)) {
            return dq.input(2);
        }
        String name = base;
        for (int i = 1; b.types().containsKey(name); i++) {
            name = base + "_" + i;
        }
        Shape s = g.type(dq.input(1)).shape();
        b.addConstant(name, Tensor.ofLongs(g.type(dq.input(0)).dataType(), s, new long[s.elementCount()]));
        return name;
    }

    private static boolean isDefault(Node n, String opType) {
        return n != null && n.domain().isEmpty() && n.opType().equals(opType);
    }

    static boolean isDequantize(Node n) {
        return isDefault(n, "DequantizeLinear") && n.inputs().size() >= 2
                && n.attributes().keySet().stream().allMatch(k -> k.equals("axis"));
    }

    /** Scale and zero point of a Q or DQ node are constants holding one value. */
    static boolean perTensorConstants(Graph g, Node n) {
        for (int i = 1; i < n.inputs().size(); i++) {
            Tensor t = n.hasInput(i) ? g.constants().get(n.input(i)) : null;
            if (n.hasInput(i) && (t == null || t.elementCount() != 1 || i == 1 && t.dataType() != DataType.FLOAT32)) {
                return false;
            }
        }
        if (isDefault(n, "QuantizeLinear")) {
            return n.hasInput(2) && EIGHT_BIT.contains(g.type(n.input(2)).dataType())
                    && n.attributes().keySet().stream().allMatch(k -> k.equals("axis") || k.equals("saturate"));
        }
        return true;
    }
}
