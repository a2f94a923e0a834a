package dev.edgec.harness.ptq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgec.cli.runtime.ChicoryRuntime;
import dev.edgec.core.CompileOptions;
import dev.edgec.core.CompileResult;
import dev.edgec.core.Compiler;
import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.core.onnx.OnnxImporter;
import dev.edgec.core.onnx.proto.OnnxProto.ModelProto;
import dev.edgec.core.onnx.proto.OnnxProto.NodeProto;
import dev.edgec.core.quant.ptq.AccuracyReport;
import dev.edgec.core.quant.ptq.ActivationRange;
import dev.edgec.core.quant.ptq.QdqQuantizer;
import dev.edgec.harness.ModelCheck;
import dev.edgec.harness.RandomTensors;
import dev.edgec.harness.Tolerance;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Node;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.TensorType;
import dev.edgec.ir.UnsupportedModelException;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The shape of the QDQ model on small hand-built models. */
class QdqQuantizerTest {
    private static Tensor random(Random rnd, int... dims) {
        return RandomTensors.of(new TensorType(DataType.FLOAT32, Shape.of(dims)), rnd);
    }

    /** x[1,8] → MatMul(8×6) → Gemm(6→4, alpha) → Softmax or Relu. */
    private static byte[] matMulGemm(int opset, boolean softmax) {
        return matMulGemm(opset, softmax, 1f);
    }

    private static byte[] matMulGemm(int opset, boolean softmax, float alpha) {
        Random rnd = new Random(3);
        OnnxBuilder b = new OnnxBuilder("mm", opset);
        String x = b.input("x", DataType.FLOAT32, 1, 8);
        String m = b.node("MatMul", List.of(x, b.initializer("w1", random(rnd, 8, 6))));
        String g = b.node("Gemm", List.of(m, b.initializer("w2", random(rnd, 6, 4)), b.initializer("b2", random(rnd, 4))),
                "alpha", alpha);
        String y = softmax ? b.node("Softmax", List.of(g), "axis", 1L) : b.node("Relu", List.of(g));
        b.output(y, DataType.FLOAT32, 1, 4);
        return b.toBytes();
    }

    @Test
    void matMulAndGemmGetPerChannelWeightsAndActivationPairs() {
        byte[] bytes = matMulGemm(13, true);
        ModelProto model = OnnxImporter.parse(bytes);
        assertEquals(List.of("x", "matmul_0", "gemm_1"), QdqQuantizer.activationsToCalibrate(model));
        List<Map<String, Tensor>> samples = OrtQuantization.randomSamples(bytes, 5, 50);
        ModelProto qdq = QdqQuantizer.quantize(model, OrtQuantization.calibrate(bytes, samples));
        assertEquals(13, QdqQuantizer.defaultOpset(qdq));
        assertEquals(model.getGraph().getInputList(), qdq.getGraph().getInputList());
        assertEquals(model.getGraph().getOutputList(), qdq.getGraph().getOutputList());
        List<String> ops = qdq.getGraph().getNodeList().stream().map(NodeProto::getOpType).toList();
        // the last layer's output stays float: nothing quantized reads it
        assertEquals(List.of("QuantizeLinear", "DequantizeLinear", "DequantizeLinear", "MatMul", "QuantizeLinear",
                "DequantizeLinear", "DequantizeLinear", "DequantizeLinear", "Gemm", "Softmax"), ops);
        List<String> requantized = QdqQuantizer.quantize(model, OrtQuantization.calibrate(bytes, samples), true, true)
                .getGraph().getNodeList().stream().map(NodeProto::getOpType).toList();
        assertEquals(List.of("Gemm", "QuantizeLinear", "DequantizeLinear", "Softmax"), requantized.subList(8, 12));
        NodeProto gemm = qdq.getGraph().getNode(8);
        assertEquals("DequantizeLinear", producer(qdq, gemm.getInput(2)).getOpType(), "int32 bias");
        assertEquals(1, qdq.getGraph().getNode(2).getAttribute(0).getI(), "MatMul's weight channels are its columns");
        assertEquals(1, qdq.getGraph().getNode(6).getAttribute(0).getI(), "Gemm without transB: columns too");
        AccuracyReport r = OrtQuantization.compare(bytes, qdq.toByteArray(), samples);
        assertTrue(r.maxAbsError(0) < 0.05, r.lines().toString());
    }

    @Test
    void gemmWithAlphaStaysFloat() {
        byte[] bytes = matMulGemm(13, true, 0.5f);
        ModelProto model = OnnxImporter.parse(bytes);
        assertEquals(List.of("x", "matmul_0"), QdqQuantizer.activationsToCalibrate(model));
        List<Map<String, Tensor>> samples = OrtQuantization.randomSamples(bytes, 5, 50);
        ModelProto qdq = QdqQuantizer.quantize(model, OrtQuantization.calibrate(bytes, samples));
        NodeProto gemm = qdq.getGraph().getNodeList().stream().filter(n -> n.getOpType().equals("Gemm")).findFirst().orElseThrow();
        assertEquals(List.of("matmul_0", "w2", "b2"), gemm.getInputList());
        AccuracyReport r = OrtQuantization.compare(bytes, qdq.toByteArray(), samples);
        assertTrue(r.maxAbsError(0) < 0.05, r.lines().toString());
    }

    /** The un-requantized last Gemm compiles to an integer pointwise ConvInteger + int32 bias + DequantizeLinear and follows ONNX Runtime. */
    @Test
    void lastLayerCompilesToAnIntegerKernelWithAFloatEpilogue() {
        byte[] bytes = matMulGemm(13, true);
        List<Map<String, Tensor>> samples = OrtQuantization.randomSamples(bytes, 5, 20);
        byte[] qdq = QdqQuantizer.quantize(OnnxImporter.parse(bytes), OrtQuantization.calibrate(bytes, samples)).toByteArray();
        CompileResult r = new Compiler().compile(qdq, CompileOptions.defaults());
        List<String> ops = r.graph().nodes().stream().map(Node::opType).toList();
        assertTrue(ops.contains("ConvInteger") && !ops.contains("Gemm") && !ops.contains("MatMul"), ops.toString());
        for (Map<String, Tensor> s : samples.subList(0, 5)) {
            String why = ModelCheck.mismatch(qdq, r, s, Tolerance.ONNX_BACKEND, new ChicoryRuntime());
            assertEquals(null, why);
        }
    }

    /** With the input at its calibrated channel means, bias correction makes the int8 weights give the float output. */
    @Test
    void biasCorrectionCancelsWeightRoundingAtTheMeanInput() {
        Random rnd = new Random(8);
        OnnxBuilder b = new OnnxBuilder("g", 13);
        Tensor w = random(rnd, 16, 5);
        Tensor bias = random(rnd, 5);
        String y = b.node("Gemm", List.of(b.input("x", DataType.FLOAT32, 1, 16), b.initializer("w", w), b.initializer("b", bias)));
        b.output(b.node("Relu", List.of(y)), DataType.FLOAT32, 1, 5);
        ModelProto model = OnnxImporter.parse(b.toBytes());
        double[] means = new double[16];
        for (int i = 0; i < 16; i++) {
            means[i] = 0.5 + 0.25 * rnd.nextDouble();
        }
        Map<String, ActivationRange> ranges = Map.of("x", new ActivationRange(0, 1, means), "gemm_0",
                new ActivationRange(-4, 4));
        for (boolean correct : new boolean[] {false, true}) {
            ModelProto q = QdqQuantizer.quantize(model, ranges, false, correct);
            Map<String, Tensor> inits = new java.util.HashMap<>();
            var decoder = new dev.edgec.core.onnx.TensorDecoder(new dev.edgec.core.onnx.ExternalDataResolver(null), Long.MAX_VALUE);
            q.getGraph().getInitializerList().forEach(t -> inits.put(t.getName(), decoder.decode(t, t.getName())));
            NodeProto gemm = q.getGraph().getNodeList().stream().filter(n -> n.getOpType().equals("Gemm")).findFirst().orElseThrow();
            NodeProto wdq = producer(q, gemm.getInput(1));
            NodeProto bdq = producer(q, gemm.getInput(2));
            double worst = 0;
            double step = 0;
            for (int n = 0; n < 5; n++) {
                double exact = bias.getDouble(n);
                double rounded = inits.get(bdq.getInput(0)).getLong(n) * inits.get(bdq.getInput(1)).getDouble(n);
                for (int k = 0; k < 16; k++) {
                    exact += w.getDouble(k * 5 + n) * means[k];
                    rounded += inits.get(wdq.getInput(0)).getLong(k * 5 + n) * inits.get(wdq.getInput(1)).getDouble(n) * means[k];
                }
                worst = Math.max(worst, Math.abs(exact - rounded));
                step = Math.max(step, inits.get(bdq.getInput(1)).getDouble(n));
            }
            if (correct) {
                assertTrue(worst <= step / 2 * 1.001, "corrected: off by " + worst + ", bias step " + step);
            } else {
                assertTrue(worst > step, "uncorrected: off by " + worst + ", bias step " + step);
            }
        }
    }

    private static NodeProto producer(ModelProto m, String tensor) {
        return m.getGraph().getNodeList().stream().filter(n -> n.getOutputList().contains(tensor)).findFirst().orElseThrow();
    }

    @Test
    void olderOpsetIsRaisedTo13WhenNothingChangesMeaning() {
        byte[] bytes = matMulGemm(11, false);
        List<Map<String, Tensor>> samples = OrtQuantization.randomSamples(bytes, 5, 20);
        ModelProto qdq = QdqQuantizer.quantize(OnnxImporter.parse(bytes), OrtQuantization.calibrate(bytes, samples));
        assertEquals(13, QdqQuantizer.defaultOpset(qdq));
        AccuracyReport r = OrtQuantization.compare(bytes, qdq.toByteArray(), samples);
        assertTrue(r.maxAbsError(0) < 0.05, r.lines().toString());
    }

    @Test
    void olderOpsetWithAnOperatorThatChangedMeaningIsRefused() {
        ModelProto model = OnnxImporter.parse(matMulGemm(11, true));
        Map<String, ActivationRange> ranges = Map.of("x", new ActivationRange(-1, 1), "matmul_0",
                new ActivationRange(-1, 1), "gemm_1", new ActivationRange(-1, 1));
        UnsupportedModelException e = assertThrows(UnsupportedModelException.class,
                () -> QdqQuantizer.quantize(model, ranges));
        assertEquals("quantization needs opset 13 and the model is opset 11, whose Softmax (node 'Softmax_3') means "
                + "something else at opset 13; convert the model to opset 13 first", e.getMessage());
    }

    @Test
    void missingRangeIsNamed() {
        ModelProto model = OnnxImporter.parse(matMulGemm(13, true));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> QdqQuantizer.quantize(model, Map.of("x", new ActivationRange(-1, 1))));
        assertEquals("no calibrated range for tensor 'matmul_0'", e.getMessage());
    }

    @Test
    void classifierOutputsAreVectorsOfClassesNotReconstructions() {
        List<Shape> image = List.of(Shape.of(1, 1, 28, 28));
        assertTrue(AccuracyReport.looksLikeClassifier(Shape.of(1, 10), image));
        assertTrue(AccuracyReport.looksLikeClassifier(Shape.of(12), image));
        assertTrue(!AccuracyReport.looksLikeClassifier(Shape.of(1, 784), image));
        assertTrue(!AccuracyReport.looksLikeClassifier(Shape.of(1, 1), image));
        assertTrue(!AccuracyReport.looksLikeClassifier(Shape.of(2, 10), image));
    }
}
