package dev.edgec.harness.ptq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgec.core.onnx.OnnxImporter;
import dev.edgec.core.onnx.proto.OnnxProto.ModelProto;
import dev.edgec.core.onnx.proto.OnnxProto.NodeProto;
import dev.edgec.core.quant.ptq.BatchNormPreFolding;
import dev.edgec.harness.OrtReference;
import dev.edgec.harness.Tolerance;
import dev.edgec.harness.zoo.ZooFiles;
import dev.edgec.ir.Tensor;
import dev.edgec.models.Zoo;
import dev.edgec.models.ZooModel;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Folding BatchNormalization into the Conv before it, ahead of quantization, leaves the float model's outputs as they were (ONNX Runtime). */
class BatchNormPreFoldingTest {
    static Stream<ZooModel> zoo() {
        return Zoo.all().stream();
    }

    @ParameterizedTest
    @MethodSource("zoo")
    void foldedModelComputesTheSame(ZooModel zoo) {
        byte[] bytes = ZooFiles.read(zoo);
        ModelProto model = OnnxImporter.parse(bytes);
        ModelProto folded = BatchNormPreFolding.fold(model);
        long before = count(model, "BatchNormalization");
        long after = count(folded, "BatchNormalization");
        assertEquals(0, after, zoo.fileName() + ": every BatchNormalization follows a Conv");
        assertEquals(count(model, "Conv"), count(folded, "Conv"));
        assertEquals(model.getGraph().getOutputList(), folded.getGraph().getOutputList());
        if (before == 0) {
            assertTrue(model == folded, "nothing to fold: the same model");
            return;
        }
        try (OrtReference a = new OrtReference(bytes); OrtReference b = new OrtReference(folded.toByteArray())) {
            for (Map<String, Tensor> s : OrtQuantization.randomSamples(bytes, 4, 3)) {
                List<Tensor> x = a.run(s);
                List<Tensor> y = b.run(s);
                for (int i = 0; i < x.size(); i++) {
                    assertEquals(null, Tolerance.ONNX_BACKEND.mismatch(y.get(i), x.get(i)), zoo.fileName());
                }
            }
        }
    }

    private static long count(ModelProto m, String op) {
        return m.getGraph().getNodeList().stream().map(NodeProto::getOpType).filter(op::equals).count();
    }
}
