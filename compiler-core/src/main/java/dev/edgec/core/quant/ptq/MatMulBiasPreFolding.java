package dev.edgec.core.quant.ptq;

import dev.edgec.core.onnx.ImportOptions;
import dev.edgec.core.onnx.OnnxImporter;
import dev.edgec.core.onnx.proto.OnnxProto.GraphProto;
import dev.edgec.core.onnx.proto.OnnxProto.NodeProto;
import dev.edgec.core.onnx.proto.OnnxProto.TensorProto;
import dev.edgec.core.onnx.proto.OnnxProto.ModelProto;
import dev.edgec.core.ops.OperatorRegistry;
import dev.edgec.ir.TensorType;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Turns a MatMul of a matrix by a constant float weight, followed by the Add of a constant float bias
 * (one value per column), into one Gemm before quantization, as PyTorch's {@code Linear} exports. The
 * quantizer then treats it as a layer with a bias: the bias becomes int32 inside the accumulator, and
 * the QuantizeLinear → DequantizeLinear pair goes after the Relu that follows, not on the MatMul's raw
 * output (a second rounding, on a range twice as wide, that flipped 1% of the zoo MLP's top-1 classes).
 * The Gemm writes the Add's output tensor, so ranges calibrated on the float model still apply. Folds
 * only where the MatMul's output is read by the Add alone and is no graph output, and the MatMul's
 * input is known to be a matrix (the importer's shapes, with every input dimension fixed; else nothing folds).
 */
public final class MatMulBiasPreFolding {
    private static final int FLOAT = TensorProto.DataType.FLOAT_VALUE;

    private MatMulBiasPreFolding() {
    }

    /** The model with every such MatMul + Add folded (the same model when there is none). */
    public static ModelProto fold(ModelProto model) {
        GraphProto g = model.getGraph();
        Map<String, TensorProto> inits = new HashMap<>();
        g.getInitializerList().forEach(t -> inits.put(t.getName(), t));
        Map<String, Integer> readers = new HashMap<>();
        Map<String, NodeProto> addReading = new HashMap<>();
        for (NodeProto n : g.getNodeList()) {
            n.getInputList().forEach(i -> readers.merge(i, 1, Integer::sum));
            if (isDefault(n, "Add") && n.getInputCount() == 2) {
                addReading.put(n.getInput(0), n);
                addReading.put(n.getInput(1), n);
            }
        }
        Set<String> outputs = new HashSet<>();
        g.getOutputList().forEach(v -> outputs.add(v.getName()));
        Map<String, TensorType> types = null;
        GraphProto.Builder out = g.toBuilder().clearNode();
        Set<NodeProto> folded = new HashSet<>();
        for (NodeProto n : g.getNodeList()) {
            if (folded.contains(n)) {
                continue;
            }
            NodeProto add = isDefault(n, "MatMul") && n.getInputCount() == 2 && n.getOutputCount() == 1
                    && readers.getOrDefault(n.getOutput(0), 0) == 1 && !outputs.contains(n.getOutput(0))
                    ? addReading.get(n.getOutput(0)) : null;
            String bias = add == null ? null : add.getInput(add.getInput(0).equals(n.getOutput(0)) ? 1 : 0);
            if (add != null && isWeightAndBias(inits.get(n.getInput(1)), inits.get(bias))) {
                if (types == null) {
                    types = types(model);
                }
                TensorType a = types.get(n.getInput(0));
                if (a != null && a.shape().rank() == 2) {
                    out.addNode(NodeProto.newBuilder().setOpType("Gemm").setName(n.getName())
                            .addInput(n.getInput(0)).addInput(n.getInput(1)).addInput(bias).addOutput(add.getOutput(0)));
                    folded.add(add);
                    continue;
                }
            }
            out.addNode(n);
        }
        return folded.isEmpty() ? model : model.toBuilder().setGraph(out).build();
    }

    /** A float [K, N] weight and a float bias of N values, as [N] or [1, N]. */
    private static boolean isWeightAndBias(TensorProto w, TensorProto b) {
        if (w == null || b == null || w.getDataType() != FLOAT || b.getDataType() != FLOAT || w.getDimsCount() != 2) {
            return false;
        }
        long n = w.getDims(1);
        return b.getDimsCount() == 1 && b.getDims(0) == n || b.getDimsCount() == 2 && b.getDims(0) == 1 && b.getDims(1) == n;
    }

    /** The importer's tensor types, or an empty map when the model does not import with default options. */
    private static Map<String, TensorType> types(ModelProto model) {
        try {
            return new OnnxImporter(OperatorRegistry.standard(), ImportOptions.defaults()).importModel(model.toByteArray())
                    .graph().types();
        } catch (RuntimeException e) {
            // symbolic dimensions, or a model the compiler will reject with its own message later
            return Map.of();
        }
    }

    private static boolean isDefault(NodeProto n, String op) {
        return (n.getDomain().isEmpty() || n.getDomain().equals("ai.onnx")) && n.getOpType().equals(op);
    }
}
