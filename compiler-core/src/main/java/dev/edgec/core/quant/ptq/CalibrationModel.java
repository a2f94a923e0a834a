package dev.edgec.core.quant.ptq;

import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.core.onnx.OnnxImporter;
import dev.edgec.core.onnx.ImportOptions;
import dev.edgec.core.onnx.proto.OnnxProto.GraphProto;
import dev.edgec.core.onnx.proto.OnnxProto.ModelProto;
import dev.edgec.core.ops.OperatorRegistry;
import dev.edgec.ir.InvalidModelException;
import dev.edgec.ir.TensorType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The model calibration runs: the float model with the activations to calibrate appended as extra
 * graph outputs (after the model's own outputs, which keep their places), each with the type and shape
 * the importer infers, so any runtime (an edgec module, ONNX Runtime) hands their values back.
 */
public final class CalibrationModel {
    private final ModelProto model;
    private final List<String> extraOutputs;

    private CalibrationModel(ModelProto model, List<String> extraOutputs) {
        this.model = model;
        this.extraOutputs = extraOutputs;
    }

    /**
     * Builds the calibration model for {@code tensors}. Those that are already graph inputs or outputs
     * are not added again (their values are at hand); {@code options} fixes input shapes as for a compile.
     */
    public static CalibrationModel of(ModelProto model, byte[] modelBytes, List<String> tensors, ImportOptions options) {
        Map<String, TensorType> types = new OnnxImporter(OperatorRegistry.standard(), options).importModel(modelBytes)
                .graph().types();
        GraphProto g = model.getGraph();
        Set<String> present = new HashSet<>();
        g.getInputList().forEach(v -> present.add(v.getName()));
        g.getOutputList().forEach(v -> present.add(v.getName()));
        GraphProto.Builder b = g.toBuilder();
        List<String> extra = new ArrayList<>();
        for (String t : tensors) {
            if (present.contains(t) || options.frozenInputs().containsKey(t)) {
                continue;
            }
            TensorType type = types.get(t);
            if (type == null) {
                throw new InvalidModelException("cannot calibrate tensor '" + t + "': the importer has no type for it");
            }
            long[] dims = new long[type.shape().rank()];
            for (int i = 0; i < dims.length; i++) {
                dims[i] = type.shape().dim(i);
            }
            b.addOutput(OnnxBuilder.valueInfo(t, type.dataType(), dims));
            extra.add(t);
        }
        return new CalibrationModel(model.toBuilder().setGraph(b).build(), List.copyOf(extra));
    }

    /** The model with the extra outputs. */
    public ModelProto model() {
        return model;
    }

    /** The tensors added as outputs, in the order they follow the model's own outputs. */
    public List<String> extraOutputs() {
        return extraOutputs;
    }
}
