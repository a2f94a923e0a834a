package dev.edgec.harness.ptq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgec.cli.quant.QuantizedEdges;
import dev.edgec.cli.runtime.ChicoryRuntime;
import dev.edgec.cli.runtime.ModuleRunner;
import dev.edgec.core.CompileOptions;
import dev.edgec.core.CompileResult;
import dev.edgec.core.Compiler;
import dev.edgec.core.abi.TensorSpec;
import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.core.onnx.OnnxImporter;
import dev.edgec.core.onnx.proto.OnnxProto.ModelProto;
import dev.edgec.core.quant.ptq.ActivationRange;
import dev.edgec.core.quant.ptq.QdqQuantizer;
import dev.edgec.harness.FloatParts;
import dev.edgec.harness.OrtReference;
import dev.edgec.harness.RandomTensors;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.TensorType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The whole post-training quantization pipeline on random small CNNs (Conv with or without
 * BatchNormalization, depthwise, Relu/Relu6/Sigmoid, MaxPool, residual Add, a Gemm head, Softmax or
 * not), quantized as {@code compile --quantize int8 [--integer-only]} does: the QDQ model the quantizer
 * writes, compiled by edgec, computes what ONNX Runtime computes for that same QDQ model. The
 * quantizer's own rewrites (pre-folding, equalization, centring, shared parameters, float residual
 * branches) are thus checked on graphs the zoo does not have, and the fusions and integer kernels
 * together. Inputs are those the module sees: with --integer-only the int8 tensor, dequantized for
 * ONNX Runtime.
 */
class PtqPipelinePropertyTest {

    @Property(tries = 60, seed = "20261125")
    void edgecRunsTheQuantizedModelAsOnnxRuntimeDoes(@ForAll long seed, @ForAll boolean integerOnly) {
        Random rnd = new Random(seed);
        byte[] model = randomCnn(rnd);
        ModelProto parsed = OnnxImporter.parse(model);
        if (integerOnly) {
            parsed = QdqQuantizer.preFold(parsed);
        }
        byte[] bytes = parsed.toByteArray();
        List<String> tensors = QdqQuantizer.activationsToCalibrate(parsed, integerOnly);
        Map<String, ActivationRange> ranges = OrtQuantization.calibrate(bytes, OrtQuantization.randomSamples(bytes, 1, 8),
                tensors);
        byte[] qdq = QdqQuantizer.quantize(parsed, ranges, integerOnly).toByteArray();
        CompileResult r = new Compiler().compile(qdq, CompileOptions.defaults().withIntegerOnly(integerOnly));
        if (integerOnly) {
            assertEquals(List.of(), FloatParts.of(r.moduleBytes()), "seed " + seed);
        }
        TensorSpec in = r.signature().inputs().get(0);
        TensorSpec out = r.signature().outputs().get(0);
        double worst = 0;
        try (OrtReference ort = new OrtReference(qdq); ModuleRunner m = new ModuleRunner(r.moduleBytes(), new ChicoryRuntime())) {
            for (int trial = 0; trial < 3; trial++) {
                Tensor x = RandomTensors.of(new TensorType(DataType.FLOAT32, in.shape()), rnd);
                Tensor moduleIn = QuantizedEdges.quantize(x, in);
                float[] want = ort.run(Map.of(in.name(), QuantizedEdges.dequantize(moduleIn, in))).get(0).toFloats();
                Tensor got = m.run(List.of(moduleIn)).get(0);
                double range = 0;
                for (float v : want) {
                    range = Math.max(range, Math.abs(v));
                }
                for (int i = 0; i < want.length; i++) {
                    // integer-only: the int8 output against ONNX Runtime's, in quantization steps; else the
                    // float output, relative to the output's largest magnitude
                    worst = Math.max(worst, integerOnly
                            ? Math.abs(got.getLong(i) - (Math.rint(want[i] / out.scale()) + out.zeroPoint()))
                            : Math.abs(got.getDouble(i) - want[i]) / Math.max(range, 1e-6));
                }
            }
        }
        System.out.printf(Locale.ROOT, "ptq pipeline seed %d integerOnly %b: worst difference %.3g%n", seed, integerOnly, worst);
        assertTrue(worst <= (integerOnly ? MAX_STEPS : MAX_RELATIVE), "seed " + seed + ", integer-only " + integerOnly
                + ": " + worst);
    }

    /**
     * Integer-only: steps of the int8 output; a tie rounded the other way can move one value by 1. 200
     * draws when this test was written: every int8 output equal.
     */
    static final double MAX_STEPS = 1;
    /**
     * The default module's float output (its last layer has a float epilogue, as may a Softmax): relative
     * to the output's largest magnitude. 200 draws when this test was written: at most 1.9e-7.
     */
    static final double MAX_RELATIVE = 1e-5;

    /** x [1, c, s, s] → 2–4 random blocks → GlobalAveragePool → Flatten → Gemm → [Softmax]. */
    static byte[] randomCnn(Random rnd) {
        OnnxBuilder b = new OnnxBuilder("random_cnn", 13);
        int c = 1 + rnd.nextInt(4);
        int s = 6 + rnd.nextInt(7);
        String x = b.input("x", DataType.FLOAT32, 1, c, s, s);
        int blocks = 2 + rnd.nextInt(3);
        for (int i = 0; i < blocks; i++) {
            int kind = rnd.nextInt(5);
            if (kind == 0 || kind == 1) { // Conv 3x3 (maybe with BatchNormalization), then an activation
                int out = 2 + rnd.nextInt(7);
                x = conv(b, rnd, x, c, out, 3, 1, 1);
                if (kind == 1) {
                    x = batchNorm(b, rnd, x, out);
                }
                x = activation(b, rnd, x);
                c = out;
            } else if (kind == 2) { // depthwise 3x3, stride 2 where the map is large enough
                int stride = s >= 6 ? 2 : 1;
                x = activation(b, rnd, conv(b, rnd, x, c, c, 3, stride, c));
                s = (s + 2 - 3) / stride + 1;
            } else if (kind == 3 && s >= 4) {
                x = b.node("MaxPool", List.of(x), "kernel_shape", new long[] {2, 2}, "strides", new long[] {2, 2});
                s = s / 2;
            } else { // residual: x + Conv1x1(x), then Relu
                x = b.node("Relu", List.of(b.node("Add", List.of(x, conv(b, rnd, x, c, c, 1, 1, 1)))));
            }
        }
        String pooled = b.node("Flatten", List.of(b.node("GlobalAveragePool", List.of(x))), "axis", 1L);
        int classes = 2 + rnd.nextInt(9);
        String logits = b.node("Gemm", List.of(pooled, b.initializer(b.fresh("head_w"), normal(rnd, Math.sqrt(1.0 / c), classes, c)),
                b.initializer(b.fresh("head_b"), normal(rnd, 0.1, classes))), "transB", 1L);
        b.output(rnd.nextBoolean() ? b.node("Softmax", List.of(logits), "axis", -1L) : logits, DataType.FLOAT32, 1, classes);
        return b.toBytes();
    }

    private static String conv(OnnxBuilder b, Random rnd, String x, int in, int out, int k, int stride, int group) {
        int perGroup = in / group;
        Tensor w = normal(rnd, Math.sqrt(2.0 / (perGroup * k * k)), out, perGroup, k, k);
        List<String> inputs = new ArrayList<>(List.of(x, b.initializer(b.fresh("w"), w)));
        if (rnd.nextBoolean()) {
            inputs.add(b.initializer(b.fresh("b"), normal(rnd, 0.1, out)));
        }
        long p = k / 2;
        return b.node("Conv", inputs, "kernel_shape", new long[] {k, k}, "strides", new long[] {stride, stride},
                "pads", new long[] {p, p, p, p}, "group", (long) group);
    }

    private static String batchNorm(OnnxBuilder b, Random rnd, String x, int c) {
        float[] scale = new float[c];
        float[] var = new float[c];
        for (int i = 0; i < c; i++) {
            scale[i] = 0.7f + rnd.nextFloat() * 0.6f;
            var[i] = 0.5f + rnd.nextFloat();
        }
        return b.node("BatchNormalization", List.of(x, b.initializer(b.fresh("gamma"), Tensor.ofFloats(Shape.of(c), scale)),
                b.initializer(b.fresh("beta"), normal(rnd, 0.1, c)), b.initializer(b.fresh("mean"), normal(rnd, 0.1, c)),
                b.initializer(b.fresh("var"), Tensor.ofFloats(Shape.of(c), var))), "epsilon", 1e-3f);
    }

    private static String activation(OnnxBuilder b, Random rnd, String x) {
        return switch (rnd.nextInt(4)) {
            case 0 -> b.node("Relu", List.of(x));
            case 1 -> b.node("Clip", List.of(x, b.initializer(b.fresh("lo"), Tensor.ofFloats(Shape.scalar(), 0f)),
                    b.initializer(b.fresh("hi"), Tensor.ofFloats(Shape.scalar(), 6f))));
            case 2 -> b.node("Sigmoid", List.of(x));
            default -> x;
        };
    }

    private static Tensor normal(Random rnd, double std, int... dims) {
        float[] v = new float[Shape.of(dims).elementCount()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (rnd.nextGaussian() * std);
        }
        return Tensor.ofFloats(Shape.of(dims), v);
    }
}
