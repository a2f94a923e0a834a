package dev.edgec.harness.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgec.core.CompileOptions;
import dev.edgec.core.CompileResult;
import dev.edgec.core.Compiler;
import dev.edgec.core.lower.KernelInfo;
import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.harness.WasmtimeRuntime;
import dev.edgec.ir.DataType;
import dev.edgec.ir.InvalidModelException;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.wasm.Disassembler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * QLinearConv against ONNX Runtime over padding, strides, dilations, groups, per-channel weights and
 * bias. Constant scales use fixed-point requantization (within 1 of ONNX Runtime; differing elements
 * are printed) and the kernel must hold no float instruction; run-time scales match exactly.
 */
class QLinearConvTest {

    static byte[] model(DataType xt, DataType wt, int[] x, int[] w, boolean perChannel, boolean bias,
                        boolean scalesAsInputs, Object... attrs) {
        OnnxBuilder b = new OnnxBuilder("qconv", 10);
        Random rnd = new Random(17);
        int m = w[0];
        int taps = 1;
        for (int i = 1; i < w.length; i++) {
            taps *= w[i];
        }
        int channels = perChannel ? m : 1;
        float xs = 0.02f + rnd.nextFloat() * 0.05f;
        Tensor ws = QuantCheck.scales(channels, rnd, 0.002, 0.02, !perChannel);
        float ys = (float) (xs * 0.01 * Math.sqrt(taps) * 5500 / 40);
        String xi = b.input("x", xt, QuantCheck.longs(x));
        String xsi = scalesAsInputs ? b.input("xs", DataType.FLOAT32) : b.initializer("xs", Tensor.ofFloats(Shape.scalar(), xs));
        String xz = b.initializer("xz", QLinearMatMulTest.zeroPoint(xt, 1, true, rnd));
        String wi = b.initializer("w", QuantCheck.randomInts(wt, w, rnd));
        String wsi = b.initializer("ws", ws);
        String wz = b.initializer("wz", wt == DataType.INT8 ? Tensor.ofLongs(wt, perChannel ? Shape.of(m) : Shape.scalar(),
                new long[channels]) : QLinearMatMulTest.zeroPoint(wt, channels, !perChannel, rnd));
        String ysi = scalesAsInputs ? b.input("ys", DataType.FLOAT32) : b.initializer("ys", Tensor.ofFloats(Shape.scalar(), ys));
        String yz = b.initializer("yz", QLinearMatMulTest.zeroPoint(xt, 1, true, rnd));
        List<String> ins = new ArrayList<>(List.of(xi, xsi, xz, wi, wsi, wz, ysi, yz));
        if (bias) {
            ins.add(b.initializer("bias", QuantCheck.ints(DataType.INT32, new int[] {m}, rnd, -5000, 5000)));
        }
        b.output(b.node("QLinearConv", ins, attrs), xt);
        return b.toBytes();
    }

    static long[] ints(long... v) {
        return v;
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("uint8 3x3 pad 1", DataType.UINT8, DataType.UINT8, new int[] {1, 3, 8, 8}, new int[] {4, 3, 3, 3},
                        false, true, new Object[] {"pads", ints(1, 1, 1, 1)}),
                Arguments.of("int8 per channel, stride 2", DataType.INT8, DataType.INT8, new int[] {1, 4, 9, 10},
                        new int[] {6, 4, 3, 3}, true, true, new Object[] {"pads", ints(1, 1, 1, 1), "strides", ints(2, 2)}),
                Arguments.of("uint8 x int8 per channel, no bias", DataType.UINT8, DataType.INT8, new int[] {2, 3, 7, 6},
                        new int[] {5, 3, 3, 2}, true, false, new Object[] {}),
                Arguments.of("depthwise, dilation 2", DataType.UINT8, DataType.UINT8, new int[] {1, 4, 9, 9},
                        new int[] {4, 1, 3, 3}, false, true, new Object[] {"group", 4L, "dilations", ints(2, 2), "pads", ints(2, 2, 2, 2)}),
                Arguments.of("group 2 asymmetric pads", DataType.INT8, DataType.INT8, new int[] {1, 4, 6, 5},
                        new int[] {6, 2, 3, 3}, true, true, new Object[] {"group", 2L, "pads", ints(0, 1, 2, 0)}),
                Arguments.of("pointwise", DataType.UINT8, DataType.UINT8, new int[] {1, 16, 4, 4}, new int[] {8, 16, 1, 1},
                        false, true, new Object[] {}),
                Arguments.of("SAME_UPPER stride 2", DataType.UINT8, DataType.INT8, new int[] {1, 2, 7, 8}, new int[] {3, 2, 3, 3},
                        true, true, new Object[] {"auto_pad", "SAME_UPPER", "strides", ints(2, 2)}),
                Arguments.of("1-D", DataType.INT8, DataType.INT8, new int[] {2, 3, 12}, new int[] {4, 3, 5}, true, true,
                        new Object[] {"pads", ints(2, 1)}),
                Arguments.of("3-D", DataType.UINT8, DataType.UINT8, new int[] {1, 2, 4, 5, 4}, new int[] {3, 2, 2, 3, 2},
                        false, true, new Object[] {"pads", ints(1, 0, 1, 0, 1, 0)}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void fixedPointWithinOneOfOrt(String name, DataType xt, DataType wt, int[] x, int[] w, boolean perChannel, boolean bias,
                                  Object[] attrs) {
        byte[] model = model(xt, wt, x, w, perChannel, bias, false, attrs);
        QuantCheck.assertWithinOne("QLinearConv " + name, model, Map.of("x", QuantCheck.randomInts(xt, x, new Random(4))));
    }

    @Test
    void runsInWasmtimeToo() {
        int[] x = {1, 4, 9, 10};
        byte[] model = model(DataType.INT8, DataType.INT8, x, new int[] {6, 4, 3, 3}, true, true, false,
                "pads", ints(1, 1, 1, 1), "strides", ints(2, 2));
        QuantCheck.assertWithinOne("QLinearConv in wasmtime", model, Map.of("x", QuantCheck.randomInts(DataType.INT8, x, new Random(4))),
                CompileOptions.defaults(), new WasmtimeRuntime());
    }

    @Test
    void rejectsMultiplierTooLargeForFixedPoint() {
        OnnxBuilder b = new OnnxBuilder("qconv", 10);
        String x = b.input("x", DataType.UINT8, 1, 1, 3, 3);
        String w = b.initializer("w", Tensor.ofLongs(DataType.UINT8, Shape.of(1, 1, 1, 1), 2));
        String s = b.initializer("s", Tensor.ofFloats(Shape.scalar(), 1e5f));
        String tiny = b.initializer("tiny", Tensor.ofFloats(Shape.scalar(), 1e-5f));
        String z = b.initializer("z", Tensor.ofLongs(DataType.UINT8, Shape.scalar(), 0));
        b.output(b.node("QLinearConv", List.of(x, s, z, w, s, z, tiny, z)), DataType.UINT8);
        QuantCheck.assertRejected(b.toBytes(), dev.edgec.ir.UnsupportedModelException.class, "2^30");
    }

    @Test
    void runtimeScalesMatchOrtExactly() {
        int[] x = {1, 3, 6, 6};
        byte[] model = model(DataType.UINT8, DataType.UINT8, x, new int[] {4, 3, 3, 3}, false, true, true, "pads", ints(1, 1, 1, 1));
        QuantCheck.Difference d = QuantCheck.difference(model, Map.of("x", QuantCheck.randomInts(DataType.UINT8, x, new Random(3)),
                "xs", Tensor.ofFloats(Shape.scalar(), 0.05f), "ys", Tensor.ofFloats(Shape.scalar(), 0.9f)));
        assertEquals(0, d.max());
    }

    /** The requantizing kernels hold no f32/f64 instruction when the scales are constants. */
    @Test
    void kernelsWithConstantScalesHaveNoFloatInstruction() {
        assertFloatFree(model(DataType.INT8, DataType.INT8, new int[] {1, 4, 6, 6}, new int[] {6, 4, 3, 3}, true, true, false,
                "pads", ints(1, 1, 1, 1)), "QLinearConv");
        assertFloatFree(QLinearMatMulTest.model(DataType.UINT8, DataType.UINT8, new int[] {4, 8}, new int[] {8, 3}, false,
                false, 1), "QLinearMatMul");
        assertFloatFree(QLinearMatMulTest.model(DataType.INT8, DataType.INT8, new int[] {4, 8}, new int[] {8, 3}, true,
                false, 1), "QLinearMatMul");
    }

    static void assertFloatFree(byte[] model, String opType) {
        CompileResult r = new Compiler().compile(model, CompileOptions.defaults());
        List<Disassembler.Function> functions = Disassembler.functions(r.moduleBytes());
        boolean found = false;
        for (KernelInfo ki : r.assembled().kernels()) {
            if (!ki.opType().equals(opType)) {
                continue;
            }
            found = true;
            for (Disassembler.Instruction in : functions.get(ki.functionIndex()).body()) {
                String op = in.opcode().text();
                assertFalse(op.contains("f32") || op.contains("f64"), opType + " kernel holds " + op);
            }
        }
        assertTrue(found, "no " + opType + " kernel in " + r.assembled().kernels());
    }

    @Test
    void rejectsWrongBiasShape() {
        OnnxBuilder b = new OnnxBuilder("qconv", 10);
        String x = b.input("x", DataType.UINT8, 1, 2, 4, 4);
        String w = b.initializer("w", QuantCheck.randomInts(DataType.UINT8, new int[] {3, 2, 3, 3}, new Random(1)));
        String s = b.initializer("s", Tensor.ofFloats(Shape.scalar(), 0.1f));
        String z = b.initializer("z", Tensor.ofLongs(DataType.UINT8, Shape.scalar(), 0));
        String bias = b.initializer("bias", Tensor.ofLongs(DataType.INT32, Shape.of(2), 1, 2));
        b.output(b.node("QLinearConv", List.of(x, s, z, w, s, z, s, z, bias)), DataType.UINT8);
        QuantCheck.assertRejected(b.toBytes(), InvalidModelException.class, "bias B");
    }
}
