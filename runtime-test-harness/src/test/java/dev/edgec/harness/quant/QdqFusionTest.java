package dev.edgec.harness.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgec.cli.runtime.ChicoryRuntime;
import dev.edgec.core.CompileOptions;
import dev.edgec.core.CompileResult;
import dev.edgec.core.Compiler;
import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.harness.FloatParts;
import dev.edgec.ir.Attribute;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Node;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.opt.pass.InternalAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * QDQ models, as ONNX Runtime's quantizer writes them (float input → QuantizeLinear → DequantizeLinear
 * → Conv/MatMul with DequantizeLinear'd int8 weights and int32 bias → QuantizeLinear), compile to
 * QLinearConv/QLinearMatMul integer kernels and stay within 1 of ONNX Runtime.
 */
class QdqFusionTest {

    /** x → Q → DQ → Conv(DQ(w), DQ(bias)) → Q → y (int8 or uint8). */
    static byte[] convModel(DataType act, boolean perChannel, boolean bias, int[] x, int[] w) {
        return convModel(act, perChannel, bias, x, w, null);
    }

    /** As above; a non-null {@code reluOutputZero} puts a Relu before the last Q, whose zero point it becomes. */
    static byte[] convModel(DataType act, boolean perChannel, boolean bias, int[] x, int[] w, Long reluOutputZero) {
        OnnxBuilder b = new OnnxBuilder("qdqconv", 13);
        Random rnd = new Random(31);
        int m = w[0];
        int taps = 1;
        for (int i = 1; i < w.length; i++) {
            taps *= w[i];
        }
        float xs = 0.04f;
        Tensor ws = QuantCheck.scales(perChannel ? m : 1, rnd, 0.002, 0.02, !perChannel);
        float ys = (float) (xs * 0.01 * Math.sqrt(taps) * 5500 / 40);
        String xz = b.initializer("xz", QLinearMatMulTest.zeroPoint(act, 1, true, rnd));
        String xsi = b.initializer("xs", Tensor.ofFloats(Shape.scalar(), xs));
        String xq = b.node("QuantizeLinear", List.of(b.input("x", DataType.FLOAT32, QuantCheck.longs(x)), xsi, xz));
        String xdq = b.node("DequantizeLinear", List.of(xq, xsi, xz));
        String wq = b.initializer("w", QuantCheck.randomInts(DataType.INT8, w, rnd));
        String wsi = b.initializer("ws", ws);
        String wz = b.initializer("wz", Tensor.ofLongs(DataType.INT8, ws.shape(), new long[ws.elementCount()]));
        String wdq = b.node("DequantizeLinear", List.of(wq, wsi, wz), "axis", 0L);
        List<String> convIn = new ArrayList<>(List.of(xdq, wdq));
        if (bias) {
            float[] bsv = new float[ws.elementCount()];
            for (int i = 0; i < bsv.length; i++) {
                bsv[i] = xs * ws.toFloats()[i];
            }
            String bq = b.initializer("bias", QuantCheck.ints(DataType.INT32, new int[] {m}, rnd, -3000, 3000));
            String bsi = b.initializer("bs", Tensor.ofFloats(ws.shape(), bsv));
            convIn.add(b.node("DequantizeLinear", List.of(bq, bsi), "axis", 0L));
        }
        String y = b.node("Conv", convIn, "pads", new long[] {1, 1, 1, 1});
        String ysi = b.initializer("ys", Tensor.ofFloats(Shape.scalar(), ys));
        String yz = b.initializer("yz", reluOutputZero == null ? QLinearMatMulTest.zeroPoint(act, 1, true, rnd)
                : Tensor.ofLongs(act, Shape.scalar(), reluOutputZero));
        if (reluOutputZero != null) {
            y = b.node("Relu", List.of(y));
        }
        b.output(b.node("QuantizeLinear", List.of(y, ysi, yz)), act);
        return b.toBytes();
    }

    /** x → Q → DQ → MatMul(DQ(w)) → Q → y. */
    static byte[] matMulModel(DataType act, boolean perColumn, int[] a, int[] w) {
        OnnxBuilder b = new OnnxBuilder("qdqmm", 13);
        Random rnd = new Random(32);
        int n = w[1];
        float as = 0.03f;
        Tensor ws = QuantCheck.scales(perColumn ? n : 1, rnd, 0.002, 0.02, !perColumn);
        float ys = (float) (as * 0.01 * Math.sqrt(w[0]) * 5500 / 40);
        String az = b.initializer("az", QLinearMatMulTest.zeroPoint(act, 1, true, rnd));
        String asi = b.initializer("as", Tensor.ofFloats(Shape.scalar(), as));
        String aq = b.node("QuantizeLinear", List.of(b.input("a", DataType.FLOAT32, QuantCheck.longs(a)), asi, az));
        String adq = b.node("DequantizeLinear", List.of(aq, asi, az));
        String wdq = b.node("DequantizeLinear", List.of(b.initializer("w", QuantCheck.randomInts(DataType.INT8, w, rnd)),
                b.initializer("ws", ws), b.initializer("wz", Tensor.ofLongs(DataType.INT8, ws.shape(), new long[ws.elementCount()]))),
                "axis", 1L);
        String y = b.node("MatMul", List.of(adq, wdq));
        b.output(b.node("QuantizeLinear", List.of(y, b.initializer("ys", Tensor.ofFloats(Shape.scalar(), ys)),
                b.initializer("yz", QLinearMatMulTest.zeroPoint(act, 1, true, rnd)))), act);
        return b.toBytes();
    }

    /** x → Q → DQ → Gemm(DQ(w), DQ(bias)) → Q → y, as a quantized Linear layer. */
    static byte[] gemmModel(boolean transB, boolean perChannel, boolean bias, int m, int k, int n) {
        OnnxBuilder b = new OnnxBuilder("qdqgemm", 13);
        Random rnd = new Random(33);
        float as = 0.03f;
        Tensor ws = QuantCheck.scales(perChannel ? n : 1, rnd, 0.002, 0.02, !perChannel);
        float ys = (float) (as * 0.01 * Math.sqrt(k) * 5500 / 40);
        String az = b.initializer("az", QLinearMatMulTest.zeroPoint(DataType.UINT8, 1, true, rnd));
        String asi = b.initializer("as", Tensor.ofFloats(Shape.scalar(), as));
        String aq = b.node("QuantizeLinear", List.of(b.input("a", DataType.FLOAT32, m, k), asi, az));
        String adq = b.node("DequantizeLinear", List.of(aq, asi, az));
        int[] wDims = transB ? new int[] {n, k} : new int[] {k, n};
        String wdq = b.node("DequantizeLinear", List.of(b.initializer("w", QuantCheck.randomInts(DataType.INT8, wDims, rnd)),
                b.initializer("ws", ws), b.initializer("wz", Tensor.ofLongs(DataType.INT8, ws.shape(), new long[ws.elementCount()]))),
                "axis", transB ? 0L : 1L);
        List<String> in = new ArrayList<>(List.of(adq, wdq));
        if (bias) {
            float[] bsv = new float[ws.elementCount()];
            for (int i = 0; i < bsv.length; i++) {
                bsv[i] = as * ws.toFloats()[i];
            }
            in.add(b.node("DequantizeLinear", List.of(b.initializer("bias", QuantCheck.ints(DataType.INT32, new int[] {n}, rnd, -3000, 3000)),
                    b.initializer("bs", Tensor.ofFloats(ws.shape(), bsv))), "axis", 0L));
        }
        String y = b.node("Gemm", in, "transB", transB ? 1L : 0L);
        b.output(b.node("QuantizeLinear", List.of(y, b.initializer("ys", Tensor.ofFloats(Shape.scalar(), ys)),
                b.initializer("yz", QLinearMatMulTest.zeroPoint(DataType.UINT8, 1, true, rnd)))), DataType.UINT8);
        return b.toBytes();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void gemmAsPointwiseQLinearConv(boolean transB) {
        byte[] model = gemmModel(transB, transB, transB, 3, 20, 6);
        CompileResult r = new Compiler().compile(model, CompileOptions.defaults());
        List<String> ops = r.graph().nodes().stream().map(Node::opType).toList();
        assertTrue(ops.contains("QLinearConv") && !ops.contains("Gemm"), "not fused: " + ops);
        QuantCheck.assertWithinOne("QDQ Gemm transB=" + transB, model, input("a", new int[] {3, 20}));
    }

    static void assertFused(byte[] model, String opType) {
        CompileResult r = new Compiler().compile(model, CompileOptions.defaults());
        List<String> ops = r.graph().nodes().stream().map(Node::opType).toList();
        assertTrue(ops.contains(opType), "not fused: " + ops);
        assertTrue(!ops.contains("Conv") && !ops.contains("MatMul"), "float operator left: " + ops);
    }

    static Map<String, Tensor> input(String name, int[] dims) {
        return Map.of(name, QuantCheck.floats(dims, new Random(12), -6, 6));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void convPerTensorAndPerChannel(boolean perChannel) {
        for (DataType act : List.of(DataType.UINT8, DataType.INT8)) {
            int[] x = {1, 3, 8, 8};
            byte[] model = convModel(act, perChannel, true, x, new int[] {5, 3, 3, 3});
            assertFused(model, "QLinearConv");
            QuantCheck.assertWithinOne("QDQ Conv " + act + (perChannel ? " per channel" : " per tensor"), model, input("x", x));
        }
    }

    /** At -O0 nothing is fused: DequantizeLinear, float Conv and QuantizeLinear still agree within 1. */
    @Test
    void unfusedAtO0StaysWithinOne() {
        int[] x = {1, 3, 8, 8};
        byte[] model = convModel(DataType.UINT8, true, true, x, new int[] {5, 3, 3, 3});
        QuantCheck.assertWithinOne("QDQ Conv at -O0 (float path)", model, input("x", x),
                CompileOptions.defaults().withOptimizationLevel(0), new ChicoryRuntime());
    }

    /**
     * Conv → Relu → Q fuses either way: with the zero point at the type's minimum the Relu is redundant
     * and goes; with int8 zero point 0 (symmetric activations) it becomes the kernel's output clamp
     * [0, 127], so no float Relu or Conv is left.
     */
    @Test
    void reluBeforeQuantizeLinear() {
        int[] x = {1, 3, 8, 8};
        int[] w = {5, 3, 3, 3};
        byte[] absorbed = convModel(DataType.UINT8, true, true, x, w, 0L);
        assertFused(absorbed, "QLinearConv");
        assertTrue(fusedNode(absorbed, "QLinearConv").attributes().get(InternalAttributes.OUTPUT_CLAMP) == null,
                "the uint8 zero point 0 makes the Relu redundant: no clamp");
        QuantCheck.assertWithinOne("QDQ Conv+Relu, uint8 zero point 0", absorbed, input("x", x));
        byte[] clamped = convModel(DataType.INT8, true, true, x, w, 0L);
        assertFused(clamped, "QLinearConv");
        assertEquals(new Attribute.IntsAttr(List.of(0L, 127L)),
                fusedNode(clamped, "QLinearConv").attributes().get(InternalAttributes.OUTPUT_CLAMP));
        assertTrue(new Compiler().compile(clamped, CompileOptions.defaults()).graph().nodes().stream()
                .noneMatch(n -> n.opType().equals("Relu")));
        QuantCheck.Difference d = QuantCheck.assertWithinOne("QDQ Conv+Relu, int8 zero point 0 (clamped)", clamped, input("x", x));
        assertTrue(d.distinct() > 10, "the outputs use the clamped range, not one value: " + d.distinct());
    }

    /**
     * Symmetric activations (int8, zero point 0, as TensorRT-style exporters write them): Conv → Relu → Q
     * compiles with --integer-only, the Relu being the integer kernel's clamp, and no float is left.
     */
    @Test
    void symmetricReluCompilesIntegerOnly() {
        byte[] model = convModel(DataType.INT8, true, true, new int[] {1, 3, 8, 8}, new int[] {5, 3, 3, 3}, 0L);
        byte[] wasm = new Compiler().compile(model, CompileOptions.defaults().withIntegerOnly(true)).moduleBytes();
        assertEquals(List.of(), FloatParts.of(wasm));
    }

    static Node fusedNode(byte[] model, String opType) {
        return new Compiler().compile(model, CompileOptions.defaults()).graph().nodes().stream()
                .filter(n -> n.opType().equals(opType)).findFirst().orElseThrow();
    }

    @Test
    void convWithoutBias() {
        int[] x = {2, 4, 6, 5};
        byte[] model = convModel(DataType.UINT8, true, false, x, new int[] {3, 4, 3, 3});
        assertFused(model, "QLinearConv");
        QuantCheck.assertWithinOne("QDQ Conv without bias", model, input("x", x));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void matMulPerTensorAndPerColumn(boolean perColumn) {
        int[] a = {2, 5, 24};
        byte[] model = matMulModel(DataType.UINT8, perColumn, a, new int[] {24, 7});
        assertFused(model, "QLinearMatMul");
        QuantCheck.assertWithinOne("QDQ MatMul" + (perColumn ? " per column" : " per tensor"), model, input("a", a));
    }

    @Test
    void biasWithOtherScaleIsNotFused() {
        // A bias scale that is not x_scale * w_scale cannot be added to the accumulator as is.
        OnnxBuilder b = new OnnxBuilder("qdq", 13);
        String x = b.node("DequantizeLinear", List.of(b.input("x", DataType.UINT8, 1, 1, 3, 3),
                b.initializer("xs", Tensor.ofFloats(Shape.scalar(), 0.1f)), b.initializer("xz", Tensor.ofLongs(DataType.UINT8, Shape.scalar(), 3))));
        String w = b.node("DequantizeLinear", List.of(b.initializer("w", Tensor.ofLongs(DataType.INT8, Shape.of(1, 1, 1, 1), 5)),
                b.initializer("ws", Tensor.ofFloats(Shape.scalar(), 0.5f))));
        String bias = b.node("DequantizeLinear", List.of(b.initializer("b", Tensor.ofLongs(DataType.INT32, Shape.of(1), 9)),
                b.initializer("bs", Tensor.ofFloats(Shape.of(1), 0.07f))));
        String y = b.node("Conv", List.of(x, w, bias));
        b.output(b.node("QuantizeLinear", List.of(y, b.initializer("ys", Tensor.ofFloats(Shape.scalar(), 0.2f)),
                b.initializer("yz", Tensor.ofLongs(DataType.UINT8, Shape.scalar(), 1)))), DataType.UINT8);
        CompileResult r = new Compiler().compile(b.toBytes(), CompileOptions.defaults());
        assertEquals(1, r.graph().nodes().stream().filter(n -> n.opType().equals("Conv")).count());
    }

    /**
     * A Conv whose float result an Add reads (a residual branch, as post-training quantization leaves it)
     * becomes one ConvIntegerToFloat (bias in the accumulator, one conversion to float): no float Conv is left, and the
     * result is ONNX Runtime's float Conv of the dequantized operands, within float32 rounding.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void convWithFloatOutputBeforeAdd(boolean perChannel) {
        int[] x = {1, 3, 7, 6};
        OnnxBuilder b = new OnnxBuilder("qdqresidual", 13);
        Random rnd = new Random(34);
        Tensor ws = QuantCheck.scales(perChannel ? 4 : 1, rnd, 0.002, 0.02, !perChannel);
        float xs = 0.05f;
        String xsi = b.initializer("xs", Tensor.ofFloats(Shape.scalar(), xs));
        String xz = b.initializer("xz", Tensor.ofLongs(DataType.INT8, Shape.scalar(), -7));
        String input = b.input("x", DataType.FLOAT32, QuantCheck.longs(x));
        String xdq = b.node("DequantizeLinear", List.of(b.node("QuantizeLinear", List.of(input, xsi, xz)), xsi, xz));
        String wdq = b.node("DequantizeLinear", List.of(b.initializer("w", QuantCheck.randomInts(DataType.INT8,
                new int[] {4, 3, 3, 3}, rnd)), b.initializer("ws", ws)), "axis", 0L);
        float[] bsv = new float[ws.elementCount()];
        for (int i = 0; i < bsv.length; i++) {
            bsv[i] = xs * ws.toFloats()[i];
        }
        String bdq = b.node("DequantizeLinear", List.of(b.initializer("bias", QuantCheck.ints(DataType.INT32, new int[] {4},
                rnd, -3000, 3000)), b.initializer("bs", Tensor.ofFloats(ws.shape(), bsv))), "axis", 0L);
        String conv = b.node("Conv", List.of(xdq, wdq, bdq), "pads", new long[] {1, 1, 1, 1}, "strides", new long[] {2, 1});
        String residual = b.input("r", DataType.FLOAT32, 1, 4, 4, 6);
        b.output(b.node("Add", List.of(conv, residual)), DataType.FLOAT32);
        byte[] model = b.toBytes();
        CompileResult r = new Compiler().compile(model, CompileOptions.defaults());
        List<String> ops = r.graph().nodes().stream().map(Node::opType).toList();
        assertTrue(ops.contains("ConvIntegerToFloat") && !ops.contains("Conv"), "not fused: " + ops);
        Map<String, Tensor> inputs = Map.of("x", QuantCheck.floats(x, new Random(12), -6, 6),
                "r", QuantCheck.floats(new int[] {1, 4, 4, 6}, new Random(13), -1, 1));
        String why = dev.edgec.harness.ModelCheck.mismatch(model, inputs, dev.edgec.harness.Tolerance.ONNX_BACKEND,
                new ChicoryRuntime());
        assertEquals(null, why, why);
    }
}
