package dev.edgec.harness.ptq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgec.core.onnx.ExternalDataResolver;
import dev.edgec.core.onnx.OnnxImporter;
import dev.edgec.core.onnx.TensorDecoder;
import dev.edgec.core.onnx.proto.OnnxProto.ModelProto;
import dev.edgec.core.onnx.proto.OnnxProto.NodeProto;
import dev.edgec.core.onnx.proto.OnnxProto.TensorProto;
import dev.edgec.core.quant.ptq.ActivationRange;
import dev.edgec.core.quant.ptq.BatchNormPreFolding;
import dev.edgec.core.quant.ptq.QdqQuantizer;
import dev.edgec.harness.zoo.ZooFiles;
import dev.edgec.ir.Tensor;
import dev.edgec.models.Zoo;
import dev.edgec.models.ZooModel;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The weights and biases in the QDQ model of every zoo model, read back from the model the quantizer
 * writes: weights are int8 in [-127, 127] with one scale per output channel, each dequantized weight is
 * within half a step of the float one, each channel's largest weight maps to ±127, and biases are int32
 * with scale s_input · s_weight[c].
 */
class WeightQuantizationTest {
    static Stream<ZooModel> zoo() {
        return Zoo.all().stream();
    }

    @ParameterizedTest
    @MethodSource("zoo")
    void weightsArePerChannelExact(ZooModel zoo) {
        byte[] bytes = ZooFiles.read(zoo);
        // BatchNormalization is folded into the Conv before it first: its weights are what gets quantized
        ModelProto model = BatchNormPreFolding.fold(OnnxImporter.parse(bytes));
        Map<String, ActivationRange> ranges = new HashMap<>();
        QdqQuantizer.activationsToCalibrate(model).forEach(t -> ranges.put(t, new ActivationRange(-3, 5)));
        ModelProto qdq = QdqQuantizer.quantize(model, ranges);
        Map<String, Tensor> floats = initializers(model);
        Map<String, Tensor> quant = initializers(qdq);
        Map<String, NodeProto> producers = new HashMap<>();
        qdq.getGraph().getNodeList().forEach(n -> producers.put(n.getOutput(0), n));
        int checked = 0;
        for (NodeProto n : model.getGraph().getNodeList()) {
            if (!n.getOpType().equals("Conv") && !n.getOpType().equals("Gemm")) {
                continue;
            }
            NodeProto q = qdq.getGraph().getNodeList().stream().filter(m -> m.getName().equals(n.getName())).findFirst()
                    .orElseThrow();
            NodeProto wdq = producers.get(q.getInput(1));
            assertEquals("DequantizeLinear", wdq.getOpType());
            int axis = (int) wdq.getAttribute(0).getI();
            Tensor w = floats.get(n.getInput(1));
            Tensor wq = quant.get(wdq.getInput(0));
            Tensor scales = quant.get(wdq.getInput(1));
            Tensor zps = quant.get(wdq.getInput(2));
            int channels = w.shape().dim(axis);
            assertEquals(channels, scales.elementCount(), n.getName());
            checkWeights(n.getName(), w, wq, scales, zps, axis);
            if (n.getInputCount() > 2) {
                NodeProto bdq = producers.get(q.getInput(2));
                NodeProto xdq = producers.get(q.getInput(0));
                float sIn = (float) quant.get(xdq.getInput(1)).getDouble(0);
                checkBias(n.getName(), floats.get(n.getInput(2)), quant.get(bdq.getInput(0)), quant.get(bdq.getInput(1)),
                        sIn, scales);
            }
            checked++;
        }
        assertTrue(checked > 0);
    }

    private static void checkWeights(String node, Tensor w, Tensor wq, Tensor scales, Tensor zps, int axis) {
        assertEquals(dev.edgec.ir.DataType.INT8, wq.dataType());
        int channels = w.shape().dim(axis);
        int inner = 1;
        for (int d = axis + 1; d < w.shape().rank(); d++) {
            inner *= w.shape().dim(d);
        }
        long[] maxQ = new long[channels];
        for (int i = 0; i < w.elementCount(); i++) {
            int c = (i / inner) % channels;
            double s = scales.getDouble(c);
            long q = wq.getLong(i);
            assertTrue(q >= -127 && q <= 127, node);
            assertEquals(0, zps.getLong(c), node);
            assertTrue(Math.abs(q * s - w.getDouble(i)) <= s / 2 * (1 + 1e-5), node + "[" + i + "]: " + w.getDouble(i)
                    + " became " + q + " × " + s);
            maxQ[c] = Math.max(maxQ[c], Math.abs(q));
        }
        for (int c = 0; c < channels; c++) {
            assertEquals(127, maxQ[c], node + " channel " + c + " uses the whole int8 range");
        }
    }

    private static void checkBias(String node, Tensor b, Tensor bq, Tensor bScales, float sIn, Tensor wScales) {
        assertEquals(dev.edgec.ir.DataType.INT32, bq.dataType());
        for (int c = 0; c < b.elementCount(); c++) {
            float s = sIn * (float) wScales.getDouble(c);
            assertEquals(s, (float) bScales.getDouble(c), node);
            assertTrue(Math.abs(bq.getLong(c) * (double) s - b.getDouble(c)) <= s / 2 * (1 + 1e-5), node + " bias " + c);
        }
    }

    private static Map<String, Tensor> initializers(ModelProto m) {
        TensorDecoder d = new TensorDecoder(new ExternalDataResolver(null), Long.MAX_VALUE);
        Map<String, Tensor> out = new HashMap<>();
        for (TensorProto t : m.getGraph().getInitializerList()) {
            out.put(t.getName(), d.decode(t, t.getName()));
        }
        return out;
    }
}
