package dev.edgec.harness.ptq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgec.cli.runtime.ChicoryRuntime;
import dev.edgec.cli.runtime.ModuleRunner;
import dev.edgec.core.CompileOptions;
import dev.edgec.core.CompileResult;
import dev.edgec.core.Compiler;
import dev.edgec.core.abi.TensorSpec;
import dev.edgec.core.onnx.ExternalDataResolver;
import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.core.onnx.OnnxImporter;
import dev.edgec.core.onnx.TensorDecoder;
import dev.edgec.core.onnx.proto.OnnxProto.ModelProto;
import dev.edgec.core.onnx.proto.OnnxProto.NodeProto;
import dev.edgec.core.onnx.proto.OnnxProto.TensorProto;
import dev.edgec.core.quant.ptq.BatchNormPreFolding;
import dev.edgec.core.quant.ptq.QdqQuantizer;
import dev.edgec.harness.FloatParts;
import dev.edgec.harness.OrtReference;
import dev.edgec.harness.RandomTensors;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.TensorType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The integer-only side of post-training quantization: BatchNormalization folding and where the QDQ pairs go. */
class IntegerOnlyQuantizationTest {
    private static Tensor random(Random rnd, int... dims) {
        return RandomTensors.of(new TensorType(DataType.FLOAT32, Shape.of(dims)), rnd);
    }

    /** x → Conv(bias?) → BatchNormalization → Relu (→ and the Conv output also read by a second reader when shared). */
    private static byte[] convBn(boolean bias, boolean shared) {
        Random rnd = new Random(11);
        OnnxBuilder b = new OnnxBuilder("conv_bn", 13);
        String x = b.input("x", DataType.FLOAT32, 1, 3, 6, 6);
        List<String> in = bias ? List.of(x, b.initializer("w", random(rnd, 4, 3, 3, 3)), b.initializer("b", random(rnd, 4)))
                : List.of(x, b.initializer("w", random(rnd, 4, 3, 3, 3)));
        String c = b.node("Conv", in, "pads", new long[] {1, 1, 1, 1});
        float[] scale = {0.8f, 1.1f, 1.3f, 0.9f};
        float[] var = {0.5f, 1.4f, 0.9f, 1.1f};
        String bn = b.node("BatchNormalization", List.of(c, b.initializer("g", Tensor.ofFloats(Shape.of(4), scale)),
                b.initializer("beta", random(rnd, 4)), b.initializer("mean", random(rnd, 4)),
                b.initializer("var", Tensor.ofFloats(Shape.of(4), var))), "epsilon", 1e-3f);
        String y = b.node("Relu", List.of(bn));
        b.output(y, DataType.FLOAT32, 1, 4, 6, 6);
        if (shared) {
            b.output(c, DataType.FLOAT32, 1, 4, 6, 6);
        }
        return b.toBytes();
    }

    @Test
    void batchNormalizationFoldsIntoTheConvAndComputesTheSame() {
        for (boolean bias : new boolean[] {false, true}) {
            byte[] model = convBn(bias, false);
            ModelProto folded = BatchNormPreFolding.fold(OnnxImporter.parse(model));
            assertEquals(List.of("Conv", "Relu"), folded.getGraph().getNodeList().stream().map(NodeProto::getOpType).toList());
            Map<String, Tensor> in = Map.of("x", random(new Random(2), 1, 3, 6, 6));
            try (OrtReference a = new OrtReference(model); OrtReference f = new OrtReference(folded.toByteArray())) {
                float[] want = a.run(in).get(0).toFloats();
                float[] got = f.run(in).get(0).toFloats();
                for (int i = 0; i < want.length; i++) {
                    assertEquals(want[i], got[i], 1e-4 * Math.max(1, Math.abs(want[i])), "bias " + bias + " element " + i);
                }
            }
        }
    }

    @Test
    void aConvWhoseOutputIsReadElsewhereKeepsItsBatchNormalization() {
        ModelProto m = OnnxImporter.parse(convBn(true, true));
        assertSame(m, BatchNormPreFolding.fold(m));
    }

    /** x → Conv → Relu → MaxPool → Flatten → Gemm → Softmax. */
    private static byte[] convPoolSoftmax() {
        Random rnd = new Random(4);
        OnnxBuilder b = new OnnxBuilder("cps", 13);
        String x = b.input("x", DataType.FLOAT32, 1, 2, 4, 4);
        String c = b.node("Conv", List.of(x, b.initializer("w", random(rnd, 3, 2, 3, 3)), b.initializer("b", random(rnd, 3))),
                "pads", new long[] {1, 1, 1, 1});
        String p = b.node("MaxPool", List.of(b.node("Relu", List.of(c))), "kernel_shape", new long[] {2, 2},
                "strides", new long[] {2, 2});
        String f = b.node("Flatten", List.of(p), "axis", 1L);
        String g = b.node("Gemm", List.of(f, b.initializer("w2", random(rnd, 5, 12)), b.initializer("b2", random(rnd, 5))),
                "transB", 1L);
        b.output(b.node("Softmax", List.of(g), "axis", -1L), DataType.FLOAT32, 1, 5);
        return b.toBytes();
    }

    @Test
    void everyIntegerKernelOperatorGetsPairsAndMovesKeepTheirInputsParameters() {
        byte[] bytes = convPoolSoftmax();
        ModelProto model = OnnxImporter.parse(bytes);
        List<String> tensors = QdqQuantizer.activationsToCalibrate(model, true);
        // the Conv output is read only by the Relu: quantized after it, as in the default mode
        assertEquals(List.of("x", "relu_1", "flatten_3", "gemm_4", "maxpool_2", "softmax_5"), tensors);
        assertEquals(List.of("x", "relu_1", "flatten_3", "gemm_4"), QdqQuantizer.activationsToCalibrate(model, false));
        ModelProto qdq = QdqQuantizer.quantize(model, OrtQuantization.calibrate(bytes,
                OrtQuantization.randomSamples(bytes, 1, 20), tensors), true);
        Map<String, float[]> scaleOf = new HashMap<>();
        Map<String, Long> zeroOf = new HashMap<>();
        Map<String, TensorProto> inits = new HashMap<>();
        qdq.getGraph().getInitializerList().forEach(t -> inits.put(t.getName(), t));
        for (NodeProto n : qdq.getGraph().getNodeList()) {
            if (n.getOpType().equals("DequantizeLinear") && !inits.containsKey(n.getInput(0))) {
                scaleOf.put(n.getOutput(0), decode(inits.get(n.getInput(1))).toFloats());
                zeroOf.put(n.getOutput(0), decode(inits.get(n.getInput(2))).getLong(0));
            }
        }
        assertEquals(scaleOf.get("relu_1")[0], scaleOf.get("maxpool_2")[0]);
        assertEquals(zeroOf.get("relu_1"), zeroOf.get("maxpool_2"));
        assertEquals(scaleOf.get("relu_1")[0], scaleOf.get("flatten_3")[0]);
        assertEquals(1f / 256, scaleOf.get("softmax_5")[0]);
        assertEquals(-128L, zeroOf.get("softmax_5"));
        assertEquals(-128L, zeroOf.get("relu_1"), "the Relu's range starts at 0");
        // the default mode leaves the same model's pools and Softmax float
        ModelProto plain = QdqQuantizer.quantize(model, OrtQuantization.calibrate(bytes,
                OrtQuantization.randomSamples(bytes, 1, 20)));
        assertTrue(plain.getGraph().getNodeList().stream().filter(n -> n.getOpType().equals("QuantizeLinear")).count()
                < qdq.getGraph().getNodeList().stream().filter(n -> n.getOpType().equals("QuantizeLinear")).count());
    }

    /**
     * x → Gemm → Sigmoid → Gemm → HardSigmoid → Sub(1, ·) → Gemm → Tanh, quantized for integer-only: the
     * elementwise functions get QDQ pairs (Sub its run-time operand, the second) and compile to lookup
     * tables, so the module has no float, and its int8 output equals ONNX Runtime's on the QDQ model.
     */
    @Test
    void elementwiseFunctionsBecomeLookupTablesInIntegerOnlyModules() {
        Random rnd = new Random(6);
        OnnxBuilder b = new OnnxBuilder("gates", 13);
        String x = b.input("x", DataType.FLOAT32, 2, 8);
        String h = b.node("Sigmoid", List.of(b.node("Gemm", List.of(x, b.initializer("w1", random(rnd, 8, 12))))));
        h = b.node("HardSigmoid", List.of(b.node("Gemm", List.of(h, b.initializer("w2", random(rnd, 12, 6))))));
        h = b.node("Sub", List.of(b.initializer("one", Tensor.ofFloats(Shape.scalar(), 1f)), h));
        String y = b.node("Tanh", List.of(b.node("Gemm", List.of(h, b.initializer("w3", random(rnd, 6, 4))))));
        b.output(y, DataType.FLOAT32, 2, 4);
        byte[] bytes = b.toBytes();
        ModelProto model = OnnxImporter.parse(bytes);
        List<String> tensors = QdqQuantizer.activationsToCalibrate(model, true);
        byte[] qdq = QdqQuantizer.quantize(model, OrtQuantization.calibrate(bytes,
                OrtQuantization.randomSamples(bytes, 1, 20), tensors), true).toByteArray();
        CompileResult r = new Compiler().compile(qdq, CompileOptions.defaults().withIntegerOnly(true));
        assertEquals(List.of(), FloatParts.of(r.moduleBytes()));
        assertEquals(4, r.graph().nodes().stream().filter(n -> n.opType().equals("QLinearLookup")).count(),
                r.graph().nodes().toString());
        TensorSpec in = r.signature().inputs().get(0);
        TensorSpec out = r.signature().outputs().get(0);
        try (OrtReference ort = new OrtReference(qdq); ModuleRunner m = new ModuleRunner(r.moduleBytes(), new ChicoryRuntime())) {
            for (int trial = 0; trial < 5; trial++) {
                Tensor q = RandomTensors.of(in.type(), rnd);
                float[] real = new float[q.elementCount()];
                for (int i = 0; i < real.length; i++) {
                    real[i] = (float) (in.scale() * (q.getLong(i) - in.zeroPoint()));
                }
                Tensor want = ort.run(Map.of("x", Tensor.ofFloats(in.shape(), real))).get(0);
                Tensor got = m.run(List.of(q)).get(0);
                for (int i = 0; i < got.elementCount(); i++) {
                    long expected = Math.round(want.getDouble(i) / out.scale()) + out.zeroPoint();
                    assertTrue(Math.abs(got.getLong(i) - expected) <= 1, "element " + i + ": " + got.getLong(i)
                            + " but ONNX Runtime gives " + expected);
                }
            }
        }
    }

    private static Tensor decode(TensorProto t) {
        return new TensorDecoder(new ExternalDataResolver(null), Long.MAX_VALUE).decode(t, t.getName());
    }
}
