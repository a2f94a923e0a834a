package dev.edgec.harness.zoo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.TensorInfo;
import dev.edgec.harness.OrtReference;
import dev.edgec.harness.RandomTensors;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.TensorType;
import dev.edgec.models.Zoo;
import dev.edgec.models.ZooModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every committed zoo model loads in ONNX Runtime and gives finite outputs of the expected shape on
 * the zoo's seeded inputs, with activations in a sane range: softmax outputs are neither one-hot nor
 * flat, logits are neither vanishing nor exploding. (Independent of edgec: it checks the zoo itself.)
 */
class ZooModelsOrtTest {
    /** Expected input and output shapes, and whether the model ends with Softmax. */
    private record Expected(int[] input, int[] output, boolean softmax) {
    }

    private static final Map<String, Expected> EXPECTED = Map.of(
            "mlp.onnx", new Expected(new int[]{1, 784}, new int[]{1, 10}, false),
            "lenet.onnx", new Expected(new int[]{1, 1, 28, 28}, new int[]{1, 10}, true),
            "autoencoder.onnx", new Expected(new int[]{1, 640}, new int[]{1, 640}, false),
            "ds_cnn.onnx", new Expected(new int[]{1, 1, 49, 10}, new int[]{1, 12}, true),
            "resnet8.onnx", new Expected(new int[]{1, 3, 32, 32}, new int[]{1, 10}, true),
            "mobilenet_v1_025.onnx", new Expected(new int[]{1, 3, 96, 96}, new int[]{1, 2}, true));

    static Stream<Arguments> models() {
        return Zoo.all().stream().map(m -> Arguments.of(Named.of(m.fileName(), m)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void loadsInOnnxRuntimeWithFiniteSaneOutputs(ZooModel model) throws OrtException {
        Expected expected = EXPECTED.get(model.fileName());
        assertTrue(expected != null, "no expectations for " + model.fileName());
        try (OrtReference ort = new OrtReference(ZooFiles.read(model))) {
            Map<String, NodeInfo> inputInfo = ort.session().getInputInfo();
            assertEquals(1, inputInfo.size());
            String inputName = inputInfo.keySet().iterator().next();
            TensorInfo info = (TensorInfo) inputInfo.get(inputName).getInfo();
            assertArrayEquals(expected.input(), Shape.ofLongs(info.getShape()).dims(), "input shape");
            for (long seed : ZooEvaluation.SEEDS) {
                Map<String, Tensor> inputs = new LinkedHashMap<>();
                inputs.put(inputName, RandomTensors.of(new TensorType(DataType.FLOAT32, Shape.of(expected.input())),
                        new Random(seed)));
                List<Tensor> outputs = ort.run(inputs);
                assertEquals(1, outputs.size());
                Tensor out = outputs.get(0);
                assertEquals(DataType.FLOAT32, out.dataType());
                assertArrayEquals(expected.output(), out.shape().dims(), "output shape");
                checkRange(model.fileName() + " seed " + seed, out.toFloats(), expected.softmax());
            }
        }
    }

    private static void checkRange(String what, float[] v, boolean softmax) {
        double sum = 0;
        double maxAbs = 0;
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (float x : v) {
            assertTrue(Float.isFinite(x), what + ": output " + x + " is not finite");
            sum += x;
            maxAbs = Math.max(maxAbs, Math.abs(x));
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        if (softmax) {
            assertEquals(1.0, sum, 1e-5, what + ": softmax outputs must sum to 1");
            assertTrue(max < 0.999 && min > 1e-5, what + ": softmax saturated (min " + min + ", max " + max + ")");
            assertTrue(max - min > 1e-3, what + ": softmax is flat (min " + min + ", max " + max + ")");
        } else {
            assertTrue(maxAbs > 0.05 && maxAbs < 100, what + ": outputs out of a sane range (max |y| " + maxAbs + ")");
        }
    }
}
