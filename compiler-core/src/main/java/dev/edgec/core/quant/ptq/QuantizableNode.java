package dev.edgec.core.quant.ptq;

import dev.edgec.core.onnx.proto.OnnxProto.AttributeProto;
import dev.edgec.core.onnx.proto.OnnxProto.NodeProto;
import dev.edgec.core.onnx.proto.OnnxProto.TensorProto;
import java.util.Map;

/**
 * A Conv, Gemm or MatMul whose weight is a constant float initializer: the nodes post-training
 * quantization turns into DequantizeLinear → op → QuantizeLinear. {@code weightAxis} is the weight's
 * output-channel axis (0 for Conv and for Gemm with transB = 1, else 1); {@code quantizeBias} says
 * whether the bias can become int32 (a constant bias with one value per channel, so it adds straight
 * into the accumulator). A Gemm with alpha or beta other than 1 stays float.
 */
record QuantizableNode(NodeProto node, String activation, String weight, int weightAxis, String bias,
        boolean quantizeBias) {
    private static final int FLOAT = TensorProto.DataType.FLOAT_VALUE;

    /** The node's quantization plan, or null when it stays float. */
    static QuantizableNode of(NodeProto n, Map<String, TensorProto> initializers) {
        if (!n.getDomain().isEmpty() && !n.getDomain().equals("ai.onnx")) {
            return null;
        }
        String op = n.getOpType();
        if (!(op.equals("Conv") || op.equals("Gemm") || op.equals("MatMul")) || n.getInputCount() < 2
                || n.getOutputCount() != 1) {
            return null;
        }
        String x = n.getInput(0);
        TensorProto w = initializers.get(n.getInput(1));
        if (x.isEmpty() || initializers.containsKey(x) || w == null || w.getDataType() != FLOAT) {
            return null;
        }
        int axis;
        switch (op) {
            case "Conv" -> {
                if (w.getDimsCount() < 3) {
                    return null;
                }
                axis = 0;
            }
            case "Gemm" -> {
                // alpha/beta other than 1 scale the accumulator or the bias: ONNX Runtime 1.23 computes such a
                // QDQ Gemm wrongly (errors of 0.5 on outputs of size 3 in a test), so it stays float.
                if (w.getDimsCount() != 2 || floatAttr(n, "alpha", 1f) != 1f || floatAttr(n, "beta", 1f) != 1f) {
                    return null;
                }
                axis = intAttr(n, "transB", 0) == 1 ? 0 : 1;
            }
            default -> {
                if (w.getDimsCount() != 2) {
                    return null;
                }
                axis = 1;
            }
        }
        String bias = n.getInputCount() > 2 && !n.getInput(2).isEmpty() ? n.getInput(2) : null;
        boolean quantizeBias = false;
        if (bias != null) {
            TensorProto b = initializers.get(bias);
            long channels = w.getDims(axis);
            quantizeBias = b != null && b.getDataType() == FLOAT && elementCount(b) == channels
                    && (b.getDimsCount() == 1 || op.equals("Gemm") && b.getDimsCount() == 2 && b.getDims(0) == 1);
        }
        return new QuantizableNode(n, x, n.getInput(1), axis, bias, quantizeBias);
    }

    String output() {
        return node.getOutput(0);
    }

    private static long elementCount(TensorProto t) {
        long n = 1;
        for (long d : t.getDimsList()) {
            n *= d;
        }
        return n;
    }

    static long intAttr(NodeProto n, String name, long dflt) {
        for (AttributeProto a : n.getAttributeList()) {
            if (a.getName().equals(name)) {
                return a.getI();
            }
        }
        return dflt;
    }

    static float floatAttr(NodeProto n, String name, float dflt) {
        for (AttributeProto a : n.getAttributeList()) {
            if (a.getName().equals(name)) {
                return a.getF();
            }
        }
        return dflt;
    }
}
