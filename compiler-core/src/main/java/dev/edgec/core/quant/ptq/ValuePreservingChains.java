package dev.edgec.core.quant.ptq;

import dev.edgec.core.onnx.proto.OnnxProto.GraphProto;
import dev.edgec.core.onnx.proto.OnnxProto.NodeProto;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Tensors whose every value is a value of an earlier tensor: the outputs of MaxPool (its padding is
 * never taken), Flatten, Reshape, Squeeze, Unsqueeze, Transpose and Identity, traced back through
 * chains of them. A QuantizeLinear → DequantizeLinear pair on such a tensor with the earlier tensor's
 * own pair parameters changes nothing (every value is already on that grid), where a pair calibrated
 * on its own narrower range would round a second time: ONNX Runtime's quantizer shares the
 * parameters the same way.
 */
public final class ValuePreservingChains {
    private static final Set<String> MOVING_ONLY = Set.of("Flatten", "Reshape", "Squeeze", "Unsqueeze", "Transpose",
            "Identity");

    private ValuePreservingChains() {
    }

    /** For each tensor written by such an operator, the first tensor of its chain. */
    public static Map<String, String> sources(GraphProto g) {
        Map<String, String> source = new HashMap<>();
        for (NodeProto n : g.getNodeList()) {
            if (preservesValues(n)) {
                String in = n.getInput(0);
                source.put(n.getOutput(0), source.getOrDefault(in, in));
            }
        }
        return source;
    }

    private static boolean preservesValues(NodeProto n) {
        if (!n.getDomain().isEmpty() && !n.getDomain().equals("ai.onnx") || n.getInputCount() == 0
                || n.getInput(0).isEmpty() || n.getOutputCount() != 1) {
            return false;
        }
        return MOVING_ONLY.contains(n.getOpType()) || n.getOpType().equals("MaxPool");
    }
}
