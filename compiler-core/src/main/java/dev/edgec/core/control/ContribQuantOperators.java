package dev.edgec.core.control;

import dev.edgec.core.ops.OperatorRegistry;
import dev.edgec.ir.Attribute;
import dev.edgec.ir.DataType;
import dev.edgec.ir.InvalidModelException;
import dev.edgec.ir.Node;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.UnsupportedModelException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * ONNX Runtime's quantized operators of domain {@code com.microsoft} (what its quantizer writes in the
 * QOperator format), expanded at import into the QDQ form of the same computation:
 * {@code QuantizeLinear(op(DequantizeLinear(x)...))}, with the standard operator in the middle. QDQ
 * fusion then lowers that to the same integer kernels as a QDQ model's (at -O1; -O0 runs it in float),
 * so these operators need no kernels of their own. Each is registered (opset 1 of its domain, the only
 * one) so that the registry and the support table know it.
 */
public final class ContribQuantOperators {
    public static final String DOMAIN = "com.microsoft";
    /** Operator → the standard operator it wraps and that operator's opset. */
    private static final Map<String, String> WRAPPED = Map.of("QLinearAdd", "Add", "QLinearMul", "Mul",
            "QLinearSigmoid", "Sigmoid", "QLinearLeakyRelu", "LeakyRelu", "QLinearGlobalAveragePool", "GlobalAveragePool",
            "QLinearAveragePool", "AveragePool", "QLinearConcat", "Concat", "QLinearSoftmax", "Softmax");
    private static final Map<String, Integer> OPSET = Map.of("Add", 14, "Mul", 14, "Sigmoid", 13, "LeakyRelu", 16,
            "GlobalAveragePool", 1, "AveragePool", 19, "Concat", 13, "Softmax", 13);

    private ContribQuantOperators() {
    }

    public static void registerAll(OperatorRegistry r) {
        for (String op : WRAPPED.keySet()) {
            r.register(DOMAIN, op, 1, 1, ControlFlowOperators.ExpandedAtImport.INSTANCE);
        }
    }

    public static boolean handles(Node n) {
        return n.domain().equals(DOMAIN) && WRAPPED.containsKey(n.opType());
    }

    /** Replaces {@code n} by DequantizeLinear nodes, the standard operator and a QuantizeLinear, given to {@code sink}. */
    public static void expand(Node n, ExpansionSink sink) {
        if (n.outputs().size() != 1 || n.output(0).isEmpty()) {
            throw new InvalidModelException(n.describe() + ": expects one output, got " + n.outputs().size());
        }
        String op = WRAPPED.get(n.opType());
        List<String> floats = new ArrayList<>();
        String yScale;
        String yZero;
        if (op.equals("Concat")) { // Y_scale, Y_zero_point, then (X, X_scale, X_zero_point) for each input
            expectInputs(n, n.inputs().size() >= 5 && (n.inputs().size() - 2) % 3 == 0, "Y_scale, Y_zero_point and triplets");
            yScale = n.input(0);
            yZero = n.input(1);
            for (int i = 2; i < n.inputs().size(); i += 3) {
                floats.add(dequantize(n, sink, n.input(i), n.input(i + 1), n.input(i + 2), floats.size()));
            }
        } else if (op.equals("Add") || op.equals("Mul")) { // A, A_scale, A_zp, B, B_scale, B_zp, C_scale, C_zp
            expectInputs(n, n.inputs().size() == 7 || n.inputs().size() == 8, "8 inputs");
            floats.add(dequantize(n, sink, n.input(0), n.input(1), n.input(2), 0));
            floats.add(dequantize(n, sink, n.input(3), n.input(4), n.input(5), 1));
            yScale = n.input(6);
            yZero = n.inputs().size() > 7 ? n.input(7) : "";
        } else { // X, X_scale, X_zp, Y_scale, Y_zp
            expectInputs(n, n.inputs().size() == 4 || n.inputs().size() == 5, "5 inputs");
            floats.add(dequantize(n, sink, n.input(0), n.input(1), n.input(2), 0));
            yScale = n.input(3);
            yZero = n.inputs().size() > 4 ? n.input(4) : "";
        }
        String result = n.output(0) + "__float";
        sink.add(new Node(sink.nodeName(n.name() + "_" + op), "", op, OPSET.get(op), floats, List.of(result),
                attributes(n, op)));
        if (yZero.isEmpty()) {
            // no zero point: 0 of x's type (QuantizeLinear without one would give uint8)
            yZero = n.output(0) + "__zero";
            DataType t = sink.type(n.input(op.equals("Concat") ? 2 : 0), n).dataType();
            sink.addConstant(yZero, Tensor.ofLongs(t, Shape.scalar(), 0));
        }
        sink.add(new Node(sink.nodeName(n.name() + "_quantize"), "", "QuantizeLinear", 13,
                List.of(result, yScale, yZero), List.of(n.output(0)), Map.of()));
    }

    private static String dequantize(Node n, ExpansionSink sink, String x, String scale, String zero, int i) {
        String out = n.output(0) + "__input" + i;
        List<String> in = zero.isEmpty() ? List.of(x, scale) : List.of(x, scale, zero);
        sink.add(new Node(sink.nodeName(n.name() + "_dequantize" + i), "", "DequantizeLinear", 13, in, List.of(out), Map.of()));
        return out;
    }

    /** The standard operator's attributes: the node's, less those of the contrib operator alone. */
    private static Map<String, Attribute> attributes(Node n, String op) {
        Map<String, Attribute> a = new HashMap<>(n.attributes());
        if (a.get("channels_last") instanceof Attribute.IntAttr c && c.value() != 0) {
            throw new UnsupportedModelException(n.describe() + ": channels_last = 1 is not supported; edgec takes NCHW");
        }
        a.remove("channels_last");
        if (op.equals("Softmax") && a.remove("opset") instanceof Attribute.IntAttr v && v.value() < 13) {
            throw new UnsupportedModelException(n.describe() + ": the Softmax of opset " + v.value()
                    + " (over the flattened trailing axes) is not supported; edgec takes opset 13's (one axis)");
        }
        return a;
    }

    private static void expectInputs(Node n, boolean ok, String what) {
        if (!ok) {
            throw new InvalidModelException(n.describe() + ": expects " + what + ", got " + n.inputs().size()
                    + " inputs");
        }
    }
}
