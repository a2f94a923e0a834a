package dev.edgec.core.quant.ptq;

import dev.edgec.core.onnx.proto.OnnxProto.GraphProto;
import dev.edgec.core.quant.IntegerFusion;
import dev.edgec.core.quant.QdqLookup;
import dev.edgec.core.onnx.proto.OnnxProto.NodeProto;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code --integer-only} post-training quantization quantizes beyond Conv, Gemm and MatMul: the
 * float input and output of every operator that has an integer kernel (Relu, Clip, pools, Add, Softmax,
 * Reshape and the other moves, the elementwise functions a lookup table computes), so that each runs as {@code DequantizeLinear → op → QuantizeLinear}
 * and compiles to an integer kernel. As ONNX Runtime's quantizer does:
 * <ul>
 *   <li>a tensor read only by a Relu is not quantized: the pair goes after the Relu (its range starts at 0);</li>
 *   <li>the output of an operator that only moves or picks values (MaxPool, Reshape, Flatten, …) takes its
 *       input's scale and zero point, so the integer kernel needs no requantization;</li>
 *   <li>a Softmax output gets scale 1/256 and zero point −128, which covers [0, 1) in int8.</li>
 * </ul>
 */
final class IntegerOnlyPlan {
    /** Operators with an integer kernel, all float in, float out, besides the elementwise ones of {@link QdqLookup}. */
    static final Set<String> INTEGER_OPS = Set.of("Conv", "Gemm", "MatMul", "Relu", "Clip", "AveragePool",
            "GlobalAveragePool", "Add", "Concat", "Softmax", "Identity");
    /** Operators whose output takes its input's quantization parameters: those that only move or pick values. */
    static final Set<String> MOVES = IntegerFusion.MOVES;
    static final QuantParams SOFTMAX_OUTPUT = new QuantParams(1f / 256, -128);

    private final GraphProto graph;
    private final List<String> activations;

    IntegerOnlyPlan(GraphProto graph, List<String> defaultActivations) {
        this.graph = graph;
        Set<String> inits = new HashSet<>();
        graph.getInitializerList().forEach(t -> inits.add(t.getName()));
        Set<String> names = new LinkedHashSet<>(defaultActivations);
        for (NodeProto n : graph.getNodeList()) {
            if (!isIntegerOp(n)) {
                continue;
            }
            // the data input (Reshape's shape, Clip's bounds and weights are constants or not float data)
            String x = n.getInputCount() > 0 ? n.getInput(0) : "";
            if (!x.isEmpty() && !inits.contains(x) && !readOnlyByRelu(x)) {
                names.add(x);
            }
            // every data input of Add, Concat and the elementwise functions (a constant operand is folded into
            // the integer kernel: Add's i64 terms, the lookup table)
            if (n.getOpType().equals("Add") || n.getOpType().equals("Concat") || QdqLookup.ELEMENTWISE.contains(n.getOpType())) {
                for (String in : n.getInputList()) {
                    if (!in.isEmpty() && !inits.contains(in) && !readOnlyByRelu(in)) {
                        names.add(in);
                    }
                }
            }
            if (!readOnlyByRelu(n.getOutput(0))) {
                names.add(n.getOutput(0));
            }
        }
        this.activations = new ArrayList<>(names);
    }

    static boolean isIntegerOp(NodeProto n) {
        boolean linearResize = n.getOpType().equals("Resize") && n.getAttributeList().stream()
                .anyMatch(a -> a.getName().equals("mode") && !a.getS().toStringUtf8().equals("nearest"));
        return (n.getDomain().isEmpty() || n.getDomain().equals("ai.onnx")) && !linearResize
                && (INTEGER_OPS.contains(n.getOpType()) || MOVES.contains(n.getOpType())
                    || QdqLookup.ELEMENTWISE.contains(n.getOpType()))
                && n.getOutputCount() == 1;
    }

    List<String> activations() {
        return activations;
    }

    /** The tensor is read by exactly one node, a Relu, and is no graph output. */
    private boolean readOnlyByRelu(String tensor) {
        return QdqQuantizer.soleReluAfter(graph, tensor) != null;
    }

    /**
     * The parameters of {@code tensor}: fixed for a Softmax output, its input's for the output of a move
     * whose input is already quantized ({@code known}), else from its calibrated range.
     */
    QuantParams params(String tensor, Map<String, ActivationRange> ranges, Map<String, QuantParams> known) {
        for (NodeProto n : graph.getNodeList()) {
            if (!n.getOutputList().contains(tensor) || !isIntegerOp(n)) {
                continue;
            }
            if (n.getOpType().equals("Softmax")) {
                return SOFTMAX_OUTPUT;
            }
            if (MOVES.contains(n.getOpType()) && known.containsKey(n.getInput(0))) {
                return known.get(n.getInput(0));
            }
        }
        ActivationRange r = ranges.get(tensor);
        if (r == null) {
            throw new IllegalArgumentException("no calibrated range for tensor '" + tensor + "'");
        }
        return r.int8();
    }
}
