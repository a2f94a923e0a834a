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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Conv case of {@link QdqFloatOutput}: {@code Conv(DQ(x), DQ(w), DQ(bias))} whose result no
 * QuantizeLinear reads (post-training quantization leaves a residual branch's last Conv so, since the
 * Add after it runs in float). It becomes {@code ConvInteger(x, w) [+ int32 bias] →
 * DequantizeLinear(scale x_scale · w_scale[m], axis = 1)}: the accumulator is exact and converted to
 * float once per output, with no float multiply in the inner loop. It fires for constant 8-bit weights
 * quantized per tensor or per output channel, a per-tensor constant input scale and zero point, and a
 * bias (if any) that is the matching int32 tensor (zero point 0, scale x_scale · w_scale).
 */
final class QdqConvFloatOutput {
    private QdqConvFloatOutput() {
    }

    static Optional<Graph> fuse(Graph g, Uses uses, Node conv) {
        if (conv.inputs().size() < 2) {
            return Optional.empty();
        }
        Node dqx = uses.producer(conv.input(0));
        Node dqw = uses.producer(conv.input(1));
        if (!QdqFusion.isDequantize(dqx) || !QdqFusion.isDequantize(dqw) || !QdqFusion.perTensorConstants(g, dqx)
                || !QdqFusion.EIGHT_BIT.contains(g.type(dqx.input(0)).dataType())) {
            return Optional.empty();
        }
        Tensor w = g.constants().get(dqw.input(0));
        Tensor ws = g.constants().get(dqw.input(1));
        Tensor wz = dqw.hasInput(2) ? g.constants().get(dqw.input(2)) : null;
        if (w == null || ws == null || !QdqFusion.EIGHT_BIT.contains(w.dataType()) || ws.dataType() != DataType.FLOAT32
                || w.shape().rank() < 3 || dqw.hasInput(2) && wz == null) {
            return Optional.empty();
        }
        int filters = w.shape().dim(0);
        if (ws.elementCount() != 1) {
            long axis = dqw.attributes().get("axis") instanceof Attribute.IntAttr a ? a.value() : 1;
            if ((axis + w.shape().rank()) % w.shape().rank() != 0 || ws.shape().rank() != 1 || ws.elementCount() != filters) {
                return Optional.empty();
            }
        }
        Tensor bias = null;
        if (conv.hasInput(2)) {
            Node dqb = uses.producer(conv.input(2));
            if (!QdqFusion.isDequantize(dqb) || !QdqFusion.biasMatches(g, dqb, dqx, ws)) {
                return Optional.empty();
            }
            bias = g.constants().get(dqb.input(0));
        }
        TensorType outType = g.type(conv.output(0));
        String name = conv.name();
        Graph.Builder b = g.toBuilder();
        String acc = fresh(b, name + "_acc");
        b.setType(acc, new TensorType(DataType.INT32, outType.shape()));
        List<String> inputs = new ArrayList<>(List.of(dqx.input(0), dqw.input(0), QdqFusion.zeroPoint(g, b, dqx, name + "_x_zp")));
        if (wz != null && Arrays.stream(wz.toLongs()).anyMatch(v -> v != 0)) {
            inputs.add(dqw.input(2));
        }
        int opset = Math.max(10, conv.opsetVersion());
        List<Node> replacement = new ArrayList<>();
        replacement.add(new Node(name, "", "ConvInteger", opset, inputs, List.of(acc), conv.attributes()));
        String toDequantize = acc;
        if (bias != null) {
            // [M] as [M, 1, …]: one value per output channel, broadcast over the spatial axes
            int[] dims = new int[outType.shape().rank() - 1];
            Arrays.fill(dims, 1);
            dims[0] = filters;
            String perChannel = fresh(b, name + "_bias_per_channel");
            b.addConstant(perChannel, Tensor.ofLongs(DataType.INT32, Shape.of(dims), bias.toLongs()));
            toDequantize = fresh(b, name + "_acc_biased");
            b.setType(toDequantize, new TensorType(DataType.INT32, outType.shape()));
            replacement.add(new Node(name + "_bias", "", "Add", Math.max(13, opset), List.of(acc, perChannel),
                    List.of(toDequantize), Map.of()));
        }
        String scale = fresh(b, name + "_acc_scale");
        b.addConstant(scale, QdqFloatOutput.accumulatorScales(g, dqx, ws));
        replacement.add(new Node(name + "_to_float", "", "DequantizeLinear", Math.max(13, opset),
                List.of(toDequantize, scale), List.of(conv.output(0)),
                ws.elementCount() == 1 ? Map.of() : Map.of("axis", new Attribute.IntAttr(1))));
        return Optional.of(b.setNodes(QdqFusion.rewrite(g, conv, replacement, null)).build());
    }

    private static String fresh(Graph.Builder b, String base) {
        String name = base;
        for (int i = 1; b.types().containsKey(name); i++) {
            name = base + "_" + i;
        }
        return name;
    }
}
