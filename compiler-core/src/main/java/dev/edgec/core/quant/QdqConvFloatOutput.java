package dev.edgec.core.quant;

import dev.edgec.core.ops.quant.QuantOperators;
import dev.edgec.ir.Graph;
import dev.edgec.ir.Node;
import dev.edgec.ir.Tensor;
import dev.edgec.opt.pass.Uses;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The Conv case of {@link QdqFloatOutput}: {@code Conv(DQ(x), DQ(w), DQ(bias))} whose result no
 * QuantizeLinear reads (post-training quantization leaves a residual branch's last Conv so, since the
 * Add after it runs in float). It becomes edgec's {@code ConvIntegerToFloat(x, w, x_zp, w_zp, bias,
 * x_scale · w_scale[m])}: the accumulator, bias included, is exact and converted to float once per
 * output, with no float multiply in the inner loop. It fires for constant 8-bit weights
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
        QdqFloatOutput.Operands o = QdqFloatOutput.Operands.of(g, uses, conv).orElse(null);
        if (o == null || o.w().shape().rank() < 3) {
            return Optional.empty();
        }
        Node dqx = o.dqx();
        Node dqw = o.dqw();
        Tensor ws = o.ws();
        if (!o.scalesFit(0, o.w().shape().dim(0))) {
            return Optional.empty();
        }
        String bias = null;
        if (conv.hasInput(2)) {
            Node dqb = uses.producer(conv.input(2));
            if (!QdqFusion.isDequantize(dqb) || !QdqFusion.biasMatches(g, dqb, dqx, ws)) {
                return Optional.empty();
            }
            bias = dqb.input(0);
        }
        String name = conv.name();
        Graph.Builder b = g.toBuilder();
        boolean wZero = o.wz() == null || Arrays.stream(o.wz().toLongs()).allMatch(v -> v == 0);
        String scale = fresh(b, name + "_acc_scale");
        b.addConstant(scale, QdqFloatOutput.accumulatorScales(g, dqx, ws));
        List<String> inputs = List.of(dqx.input(0), dqw.input(0), QdqFusion.zeroPoint(g, b, dqx, name + "_x_zp"),
                wZero ? "" : dqw.input(2), bias == null ? "" : bias, scale);
        Node fused = new Node(name, QuantOperators.INTEGER_DOMAIN, "ConvIntegerToFloat", 1, inputs, List.of(conv.output(0)),
                conv.attributes());
        return Optional.of(b.setNodes(QdqFusion.rewrite(g, conv, List.of(fused), null)).build());
    }

    private static String fresh(Graph.Builder b, String base) {
        String name = base;
        for (int i = 1; b.types().containsKey(name); i++) {
            name = base + "_" + i;
        }
        return name;
    }
}
