package dev.edgec.harness.ptq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgec.core.onnx.ExternalDataResolver;
import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.core.onnx.OnnxImporter;
import dev.edgec.core.onnx.TensorDecoder;
import dev.edgec.core.onnx.proto.OnnxProto.ModelProto;
import dev.edgec.core.onnx.proto.OnnxProto.NodeProto;
import dev.edgec.core.onnx.proto.OnnxProto.TensorProto;
import dev.edgec.core.quant.ptq.AccuracyReport;
import dev.edgec.core.quant.ptq.ActivationRange;
import dev.edgec.core.quant.ptq.ChannelEqualization;
import dev.edgec.core.quant.ptq.QdqQuantizer;
import dev.edgec.harness.OrtReference;
import dev.edgec.harness.RandomTensors;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.TensorType;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The quantizer's precision choices on small models: each keeps the float model's function and puts
 * the int8 rounding where it costs least (MatMul + Add pre-folding, shared parameters through MaxPool
 * and Flatten, centred pooled features, channel equalization, float residual branches).
 */
class PtqPrecisionTest {
    private static Tensor random(Random rnd, double lo, double hi, int... dims) {
        float[] v = new float[Shape.of(dims).elementCount()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (lo + (hi - lo) * rnd.nextDouble());
        }
        return Tensor.ofFloats(Shape.of(dims), v);
    }

    private static Tensor random(Random rnd, int... dims) {
        return RandomTensors.of(new TensorType(DataType.FLOAT32, Shape.of(dims)), rnd);
    }

    private static List<String> ops(ModelProto m) {
        return m.getGraph().getNodeList().stream().map(NodeProto::getOpType).toList();
    }

    private static NodeProto producer(ModelProto m, String tensor) {
        return m.getGraph().getNodeList().stream().filter(n -> n.getOutputList().contains(tensor)).findFirst().orElse(null);
    }

    private static Tensor constant(ModelProto m, String name) {
        TensorProto t = m.getGraph().getInitializerList().stream().filter(i -> i.getName().equals(name)).findFirst()
                .orElseThrow();
        return new TensorDecoder(new ExternalDataResolver(null), Long.MAX_VALUE).decode(t, name);
    }

    /** The largest difference between two models' first outputs in ONNX Runtime over {@code samples}. */
    private static double maxDifference(byte[] a, byte[] b, List<Map<String, Tensor>> samples) {
        double max = 0;
        try (OrtReference ra = new OrtReference(a); OrtReference rb = new OrtReference(b)) {
            for (Map<String, Tensor> s : samples) {
                Tensor x = ra.run(s).get(0);
                Tensor y = rb.run(s).get(0);
                for (int i = 0; i < x.elementCount(); i++) {
                    max = Math.max(max, Math.abs(x.getDouble(i) - y.getDouble(i)));
                }
            }
        }
        return max;
    }

    @Test
    void matMulPlusBiasBecomesAGemmWhosePairFollowsTheRelu() {
        Random rnd = new Random(5);
        OnnxBuilder b = new OnnxBuilder("linear", 13);
        String x = b.input("x", DataType.FLOAT32, 1, 16);
        String mm = b.node("MatMul", List.of(x, b.initializer("w1", random(rnd, 16, 8))));
        String h = b.node("Relu", List.of(b.node("Add", List.of(mm, b.initializer("b1", random(rnd, 8))))));
        b.output(b.node("Gemm", List.of(h, b.initializer("w2", random(rnd, 8, 4)), b.initializer("b2", random(rnd, 4)))),
                DataType.FLOAT32, 1, 4);
        byte[] bytes = b.toBytes();
        ModelProto folded = QdqQuantizer.preFold(OnnxImporter.parse(bytes));
        assertEquals(List.of("Gemm", "Relu", "Gemm"), ops(folded));
        List<Map<String, Tensor>> samples = OrtQuantization.randomSamples(bytes, 1, 20);
        assertTrue(maxDifference(bytes, folded.toByteArray(), samples) < 1e-5, "the Gemm computes MatMul + Add");
        // no pair on the MatMul's raw output: the input, the Relu's output (and the last layer's, for reports)
        List<String> calibrated = QdqQuantizer.activationsToCalibrate(OnnxImporter.parse(bytes));
        assertTrue(calibrated.containsAll(List.of(x, h)) && !calibrated.contains(mm), calibrated.toString());
        ModelProto qdq = QdqQuantizer.quantize(OnnxImporter.parse(bytes), OrtQuantization.calibrate(bytes, samples));
        NodeProto first = qdq.getGraph().getNodeList().stream().filter(n -> n.getOpType().equals("Gemm")).findFirst()
                .orElseThrow();
        assertEquals("DequantizeLinear", producer(qdq, first.getInput(2)).getOpType(), "the bias is int32");
    }

    @Test
    void maxPoolAndFlattenOfAPairShareItsParameters() {
        Random rnd = new Random(6);
        OnnxBuilder b = new OnnxBuilder("pooled", 13);
        // 7x7 → Conv 3x3 → 5x5 → MaxPool 2, stride 2 → 2x2: the last row and column are dropped, so the
        // pooled tensor's own calibrated range is narrower than the Relu's
        String x = b.input("x", DataType.FLOAT32, 1, 2, 7, 7);
        String r = b.node("Relu", List.of(b.node("Conv", List.of(x, b.initializer("w", random(rnd, 4, 2, 3, 3)),
                b.initializer("b", random(rnd, 4))))));
        String pooled = b.node("MaxPool", List.of(r), "kernel_shape", new long[] {2, 2}, "strides", new long[] {2, 2});
        String flat = b.node("Flatten", List.of(pooled), "axis", 1L);
        b.output(b.node("Gemm", List.of(flat, b.initializer("w2", random(rnd, 3, 16)), b.initializer("b2", random(rnd, 3))),
                "transB", 1L), DataType.FLOAT32, 1, 3);
        byte[] bytes = b.toBytes();
        List<Map<String, Tensor>> samples = OrtQuantization.randomSamples(bytes, 2, 20);
        Map<String, ActivationRange> ranges = OrtQuantization.calibrate(bytes, samples);
        assertTrue(ranges.get(flat).max() < ranges.get(r).max(), "the test needs a narrower pooled range");
        ModelProto qdq = QdqQuantizer.quantize(OnnxImporter.parse(bytes), ranges);
        NodeProto afterRelu = quantizeOf(qdq, r);
        NodeProto afterFlatten = quantizeOf(qdq, flat);
        assertEquals(constant(qdq, afterRelu.getInput(1)).getDouble(0), constant(qdq, afterFlatten.getInput(1)).getDouble(0));
        assertEquals(constant(qdq, afterRelu.getInput(2)).getLong(0), constant(qdq, afterFlatten.getInput(2)).getLong(0));
    }

    /** The QuantizeLinear of the pair that gives {@code tensor} back to its readers. */
    private static NodeProto quantizeOf(ModelProto qdq, String tensor) {
        NodeProto dq = producer(qdq, tensor);
        assertEquals("DequantizeLinear", dq.getOpType(), tensor + " has a pair");
        return producer(qdq, dq.getInput(0));
    }

    @Test
    void pooledFeaturesAreCentredBeforeTheirPair() {
        Random rnd = new Random(7);
        OnnxBuilder b = new OnnxBuilder("head", 13);
        String x = b.input("x", DataType.FLOAT32, 1, 3, 8, 8);
        // biases of 2..4 give every pooled feature a large mean and a small spread across inputs
        String r = b.node("Relu", List.of(b.node("Conv", List.of(x, b.initializer("w", random(rnd, -0.3, 0.3, 6, 3, 1, 1)),
                b.initializer("b", random(rnd, 2.0, 4.0, 6))))));
        String pooled = b.node("Flatten", List.of(b.node("GlobalAveragePool", List.of(r))), "axis", 1L);
        b.output(b.node("Gemm", List.of(pooled, b.initializer("w2", random(rnd, 4, 6)), b.initializer("b2", random(rnd, 4))),
                "transB", 1L), DataType.FLOAT32, 1, 4);
        byte[] bytes = b.toBytes();
        List<Map<String, Tensor>> samples = OrtQuantization.randomSamples(bytes, 3, 50);
        Map<String, ActivationRange> ranges = OrtQuantization.calibrate(bytes, samples);
        ModelProto qdq = QdqQuantizer.quantize(OnnxImporter.parse(bytes), ranges);
        NodeProto q = quantizeOf(qdq, pooled);
        NodeProto sub = producer(qdq, q.getInput(0));
        assertEquals("Sub", sub.getOpType());
        Tensor means = constant(qdq, sub.getInput(1));
        for (int c = 0; c < 6; c++) {
            assertEquals(ranges.get(pooled).channelMeans()[c], means.getDouble(c), 1e-6);
        }
        double centredScale = constant(qdq, q.getInput(1)).getDouble(0);
        double plainScale = ranges.get(pooled).int8().scale();
        assertTrue(centredScale < plainScale / 4, "centred step " + centredScale + " vs " + plainScale);
        // the function is the float model's: the error is the int8 rounding's alone
        AccuracyReport report = OrtQuantization.compare(bytes, qdq.toByteArray(), OrtQuantization.randomSamples(bytes, 4, 50));
        assertTrue(report.maxAbsError(0) < 0.05, report.lines().toString());
    }

    /** Conv (filters 1 to 100 times apart) → Relu → Conv, the second dense or depthwise. */
    private static byte[] unbalanced(boolean depthwise) {
        Random rnd = new Random(8);
        OnnxBuilder b = new OnnxBuilder("unbalanced", 13);
        String x = b.input("x", DataType.FLOAT32, 1, 3, 6, 6);
        float[] w = random(rnd, 8, 3, 3, 3).toFloats().clone();
        for (int i = 0; i < w.length; i++) {
            w[i] *= (float) Math.pow(100, (i / 27) / 7.0);
        }
        String r = b.node("Relu", List.of(b.node("Conv", List.of(x, b.initializer("w1", Tensor.ofFloats(Shape.of(8, 3, 3, 3), w)),
                b.initializer("b1", random(rnd, 8))), "pads", new long[] {1, 1, 1, 1})));
        String y = depthwise
                ? b.node("Conv", List.of(r, b.initializer("w2", random(rnd, 8, 1, 3, 3))), "group", 8L, "pads", new long[] {1, 1, 1, 1})
                : b.node("Conv", List.of(r, b.initializer("w2", random(rnd, 5, 8, 1, 1)), b.initializer("b2", random(rnd, 5))));
        b.output(y, DataType.FLOAT32);
        return b.toBytes();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void equalizationKeepsTheFunctionAndNarrowsTheChannelSpread(boolean depthwise) {
        byte[] bytes = unbalanced(depthwise);
        List<Map<String, Tensor>> samples = OrtQuantization.randomSamples(bytes, 9, 30);
        Map<String, ActivationRange> ranges = OrtQuantization.calibrate(bytes, samples);
        String relu = QdqQuantizer.activationsToCalibrate(OnnxImporter.parse(bytes)).get(1);
        ChannelEqualization.Result eq = ChannelEqualization.apply(OnnxImporter.parse(bytes), ranges);
        assertNotNull(eq.ranges().get(relu));
        double before = spread(ranges.get(relu));
        double after = spread(eq.ranges().get(relu));
        assertTrue(before > 20, "the test model's channels are unbalanced: " + before);
        // depthwise: every channel gets the same range; dense: the imbalance is split with the weights
        assertTrue(depthwise ? after < 1.001 : after < Math.sqrt(before) * 1.5, before + " -> " + after);
        double outputScale = ranges.values().stream().mapToDouble(ActivationRange::max).max().orElseThrow();
        assertTrue(maxDifference(bytes, eq.model().toByteArray(), samples) < 1e-5 * Math.max(1, outputScale * 100),
                "the equalized float model computes the same function");
        // and the calibrated ranges still describe the equalized model's tensor
        Map<String, ActivationRange> recalibrated = OrtQuantization.calibrate(eq.model().toByteArray(), samples);
        assertEquals(recalibrated.get(relu).max(), eq.ranges().get(relu).max(), 1e-4 * recalibrated.get(relu).max());
    }

    /** A percentile-clipped range stays clipped: each channel is clipped at the real bound before it is scaled. */
    @Test
    void equalizationKeepsAPercentileClip() {
        byte[] bytes = unbalanced(true);
        List<Map<String, Tensor>> samples = OrtQuantization.randomSamples(bytes, 9, 30);
        Map<String, ActivationRange> ranges = new java.util.HashMap<>(OrtQuantization.calibrate(bytes, samples));
        String relu = QdqQuantizer.activationsToCalibrate(OnnxImporter.parse(bytes)).get(1);
        ActivationRange full = ranges.get(relu);
        double clip = full.max() / 2;
        ranges.put(relu, full.withRange(full.min(), clip));
        ActivationRange eq = ChannelEqualization.apply(OnnxImporter.parse(bytes), ranges).ranges().get(relu);
        ActivationRange unclipped = ChannelEqualization.apply(OnnxImporter.parse(bytes),
                OrtQuantization.calibrate(bytes, samples)).ranges().get(relu);
        int clipped = 0;
        for (int c = 0; c < eq.channelMaxs().length; c++) {
            assertTrue(eq.channelMaxs()[c] <= unclipped.channelMaxs()[c] + 1e-12);
            clipped += eq.channelMaxs()[c] < unclipped.channelMaxs()[c] ? 1 : 0;
        }
        assertTrue(clipped > 0, "the widest channels are clipped");
    }

    /** Largest over smallest channel range. */
    private static double spread(ActivationRange r) {
        double lo = Double.MAX_VALUE;
        double hi = 0;
        for (int c = 0; c < r.channelMaxs().length; c++) {
            double w = r.channelMaxs()[c] - Math.min(0, r.channelMins()[c]);
            lo = Math.min(lo, w);
            hi = Math.max(hi, w);
        }
        return hi / lo;
    }

    @Test
    void aResidualBranchStaysFloatUntilTheAdd() {
        Random rnd = new Random(10);
        OnnxBuilder b = new OnnxBuilder("residual", 13);
        String x = b.input("x", DataType.FLOAT32, 1, 4, 5, 5);
        String h = b.node("Relu", List.of(b.node("Conv", List.of(x, b.initializer("w1", random(rnd, 4, 4, 3, 3)),
                b.initializer("b1", random(rnd, 4))), "pads", new long[] {1, 1, 1, 1})));
        String branch = b.node("Conv", List.of(h, b.initializer("w2", random(rnd, 4, 4, 3, 3)), b.initializer("b2", random(rnd, 4))),
                "pads", new long[] {1, 1, 1, 1});
        String sum = b.node("Relu", List.of(b.node("Add", List.of(branch, x))));
        b.output(b.node("Conv", List.of(sum, b.initializer("w3", random(rnd, 2, 4, 1, 1)), b.initializer("b3", random(rnd, 2)))),
                DataType.FLOAT32);
        byte[] bytes = b.toBytes();
        List<Map<String, Tensor>> samples = OrtQuantization.randomSamples(bytes, 11, 20);
        ModelProto qdq = QdqQuantizer.quantize(OnnxImporter.parse(bytes), OrtQuantization.calibrate(bytes, samples));
        assertEquals("Conv", producer(qdq, branch).getOpType(), "no pair between the branch's Conv and the Add");
        assertEquals("DequantizeLinear", producer(qdq, sum).getOpType(), "the sum after its Relu is quantized");
        assertNull(qdq.getGraph().getNodeList().stream().filter(n -> n.getOpType().equals("QuantizeLinear")
                && n.getInput(0).startsWith(branch)).findFirst().orElse(null));
    }
}
