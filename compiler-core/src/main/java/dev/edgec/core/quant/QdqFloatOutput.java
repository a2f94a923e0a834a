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
 * The float-output case of {@link QdqFusion}: {@code Gemm(DQ(x), DQ(w), DQ(bias))} or
 * {@code MatMul(DQ(x), DQ(w))} (Conv: {@link QdqConvFloatOutput}) whose result no QuantizeLinear reads (a quantized model's last layer,
 * left un-requantized so that its logits keep full precision). It becomes
 * {@code MatMulInteger(x, w) [+ int32 bias] → DequantizeLinear(scale x_scale · w_scale, axis = last)}
 * (for a 2-D {@code x}, the product is a pointwise ConvInteger over {@code [M, K, 1]}, as in {@link QdqGemm}):
 * the int32 accumulator is computed exactly and converted to float once, instead of dequantizing every
 * weight and input to float and multiplying in float. The weights stay 8-bit in the module (transposed
 * at compile time for {@code transB = 1}). It fires for 2-D constant 8-bit weights quantized per tensor
 * or per output channel, a per-tensor constant input scale and zero point, and for Gemm alpha = beta = 1
 * and transA = 0; a bias that is not the matching int32 tensor (zero point 0, scale x_scale · w_scale)
 * is added in float after the conversion.
 */
final class QdqFloatOutput {
    private QdqFloatOutput() {
    }

    /** The graph with the first such Gemm or MatMul rewritten, or empty when there is none. */
    static Optional<Graph> fuseOne(Graph g, Uses uses) {
        for (Node op : g.nodes()) {
            if (!op.domain().isEmpty() || !(op.opType().equals("Gemm") || op.opType().equals("MatMul")
                    || op.opType().equals("Conv")) || op.attributes().keySet().stream().anyMatch(k -> k.startsWith("edgec."))
                    || readByQuantize(g, op.output(0))) {
                continue;
            }
            Optional<Graph> fused = op.opType().equals("Conv") ? QdqConvFloatOutput.fuse(g, uses, op) : fuse(g, uses, op);
            if (fused.isPresent()) {
                return fused;
            }
        }
        return Optional.empty();
    }

    private static boolean readByQuantize(Graph g, String tensor) {
        return g.nodes().stream().anyMatch(n -> n.opType().equals("QuantizeLinear") && n.inputs().contains(tensor));
    }

    private static Optional<Graph> fuse(Graph g, Uses uses, Node op) {
        boolean gemm = op.opType().equals("Gemm");
        if (op.inputs().size() < 2 || gemm && !QdqGemm.attributesFit(op)) {
            return Optional.empty();
        }
        boolean transB = gemm && op.attributes().get("transB") instanceof Attribute.IntAttr t && t.value() != 0;
        Optional<Operands> operands = Operands.of(g, uses, op);
        if (operands.isEmpty() || operands.get().w().shape().rank() != 2) {
            return Optional.empty();
        }
        Node dqx = operands.get().dqx();
        Node dqw = operands.get().dqw();
        Tensor w = operands.get().w();
        Tensor ws = operands.get().ws();
        Tensor wz = operands.get().wz();
        int n = transB ? w.shape().dim(0) : w.shape().dim(1);
        if (!operands.get().scalesFit(transB ? 0 : 1, n)) {
            return Optional.empty();
        }
        String intBias = "";
        String floatBias = "";
        if (gemm && op.hasInput(2)) {
            Node dqb = uses.producer(op.input(2));
            boolean matching = QdqFusion.isDequantize(dqb) && QdqFusion.biasMatches(g, dqb, dqx, ws)
                    && g.type(dqb.input(0)).shape().equals(Shape.of(n));
            if (matching) {
                intBias = dqb.input(0);
            } else {
                floatBias = op.input(2);
            }
        }
        TensorType outType = g.type(op.output(0));
        int rank = outType.shape().rank();
        String name = op.name();
        Graph.Builder b = g.toBuilder();
        String xZp = QdqFusion.zeroPoint(g, b, dqx, name + "_x_zp");
        boolean wZero = wz == null || java.util.Arrays.stream(wz.toLongs()).allMatch(v -> v == 0);
        String acc = fresh(b, name + "_acc");
        b.setType(acc, new TensorType(DataType.INT32, outType.shape()));
        String scale = fresh(b, name + "_acc_scale");
        b.addConstant(scale, accumulatorScales(g, dqx, ws));
        int opset = Math.max(13, op.opsetVersion());
        List<Node> replacement = new ArrayList<>();
        TensorType xType = g.type(dqx.input(0));
        if (xType.shape().rank() == 2) {
            // [M, K] as M batches of K channels of length 1: the integer Conv kernel's pointwise path (zero points
            // folded, channels unrolled) is several times faster than the general integer MatMul loop
            int m = xType.shape().dim(0);
            int kk = xType.shape().dim(1);
            String filters = fresh(b, name + "_filters");
            b.addConstant(filters, QdqGemm.filters(w, transB, n, kk));
            String in3 = fresh(b, name + "_in3d");
            String out3 = fresh(b, name + "_acc3d");
            String inShape = fresh(b, name + "_in3d_shape");
            String outShape = fresh(b, name + "_acc_shape");
            b.addConstant(inShape, Tensor.ofLongs(DataType.INT64, Shape.of(3), m, kk, 1));
            b.addConstant(outShape, Tensor.ofLongs(DataType.INT64, Shape.of(2), m, n));
            b.setType(in3, TensorType.of(xType.dataType(), m, kk, 1));
            b.setType(out3, TensorType.of(DataType.INT32, m, n, 1));
            List<String> convIn = new ArrayList<>(List.of(in3, filters, xZp));
            if (!wZero) {
                convIn.add(dqw.input(2));
            }
            replacement.add(new Node(name + "_view_in", "", "Reshape", opset, List.of(dqx.input(0), inShape), List.of(in3),
                    Map.of()));
            replacement.add(new Node(name, "", "ConvInteger", opset, convIn, List.of(out3), Map.of()));
            replacement.add(new Node(name + "_view_out", "", "Reshape", opset, List.of(out3, outShape), List.of(acc),
                    Map.of()));
        } else {
            String weights = dqw.input(0);
            if (transB) {
                weights = fresh(b, name + "_weights_t");
                b.addConstant(weights, transposed(w));
            }
            List<String> mmIn = new ArrayList<>(List.of(dqx.input(0), weights, xZp));
            if (!wZero) {
                mmIn.add(dqw.input(2));
            }
            replacement.add(new Node(name, "", "MatMulInteger", opset, mmIn, List.of(acc), Map.of()));
        }
        String toDequantize = acc;
        if (!intBias.isEmpty()) {
            toDequantize = fresh(b, name + "_acc_biased");
            b.setType(toDequantize, new TensorType(DataType.INT32, outType.shape()));
            replacement.add(new Node(name + "_bias", "", "Add", opset, List.of(acc, intBias), List.of(toDequantize), Map.of()));
        }
        String y = op.output(0);
        String dequantized = y;
        if (!floatBias.isEmpty()) {
            dequantized = fresh(b, name + "_unbiased");
            b.setType(dequantized, outType);
        }
        replacement.add(new Node(name + "_to_float", "", "DequantizeLinear", opset, List.of(toDequantize, scale),
                List.of(dequantized), ws.elementCount() == 1 ? Map.of() : Map.of("axis", new Attribute.IntAttr(rank - 1))));
        if (!floatBias.isEmpty()) {
            replacement.add(new Node(name + "_bias", "", "Add", opset, List.of(dequantized, floatBias), List.of(y), Map.of()));
        }
        return Optional.of(b.setNodes(QdqFusion.rewrite(g, op, replacement, null)).build());
    }

    /**
     * The dequantized operands of a float-output candidate: x from a per-tensor DequantizeLinear of an
     * 8-bit tensor, and constant 8-bit weights with float32 scales and, if any, a constant zero point
     * ({@code wz}, else null).
     */
    record Operands(Node dqx, Node dqw, Tensor w, Tensor ws, Tensor wz) {
        static Optional<Operands> of(Graph g, Uses uses, Node op) {
            Node dqx = uses.producer(op.input(0));
            Node dqw = uses.producer(op.input(1));
            if (!QdqFusion.isDequantize(dqx) || !QdqFusion.isDequantize(dqw) || !QdqFusion.perTensorConstants(g, dqx)
                    || !QdqFusion.EIGHT_BIT.contains(g.type(dqx.input(0)).dataType())) {
                return Optional.empty();
            }
            Tensor w = g.constants().get(dqw.input(0));
            Tensor ws = g.constants().get(dqw.input(1));
            Tensor wz = dqw.hasInput(2) ? g.constants().get(dqw.input(2)) : null;
            if (w == null || ws == null || !QdqFusion.EIGHT_BIT.contains(w.dataType()) || ws.dataType() != DataType.FLOAT32
                    || dqw.hasInput(2) && wz == null) {
                return Optional.empty();
            }
            return Optional.of(new Operands(dqx, dqw, w, ws, wz));
        }

        /** The weight scale is one value, or one per index of weight axis {@code axis} ({@code channels} of them). */
        boolean scalesFit(int axis, int channels) {
            if (ws.elementCount() == 1) {
                return true;
            }
            int rank = w.shape().rank();
            long given = dqw.attributes().get("axis") instanceof Attribute.IntAttr a ? a.value() : 1;
            return (given + rank) % rank == axis && ws.shape().rank() == 1 && ws.elementCount() == channels;
        }
    }

    /** x_scale · w_scale[c] as float32 products (how ONNX Runtime scales a quantized bias), one per channel or one. */
    static Tensor accumulatorScales(Graph g, Node dqx, Tensor ws) {
        float xs = (float) g.constants().get(dqx.input(1)).getDouble(0);
        float[] s = new float[ws.elementCount()];
        for (int i = 0; i < s.length; i++) {
            s[i] = xs * (float) ws.getDouble(i);
        }
        return s.length == 1 ? Tensor.ofFloats(Shape.scalar(), s) : Tensor.ofFloats(Shape.of(s.length), s);
    }

    /** A 2-D constant transposed: {@code [N, K]} weights as the {@code [K, N]} matrix MatMulInteger multiplies by. */
    private static Tensor transposed(Tensor w) {
        int rows = w.shape().dim(0);
        int cols = w.shape().dim(1);
        long[] v = w.toLongs();
        long[] out = new long[v.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[c * rows + r] = v[r * cols + c];
            }
        }
        return Tensor.ofLongs(w.dataType(), Shape.of(cols, rows), out);
    }

    private static String fresh(Graph.Builder b, String base) {
        String name = base;
        for (int i = 1; b.types().containsKey(name); i++) {
            name = base + "_" + i;
        }
        return name;
    }
}
