package dev.edgec.harness.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.edgec.core.CompileOptions;
import dev.edgec.core.Compiler;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.core.onnx.OnnxBuilder;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The integer convolution's clipped border windows (outputs whose window touches the padding read only
 * their in-bounds taps, from a per-region start value) against ONNX Runtime, exactly, on shapes that
 * make many odd regions; each case also runs with the padded copy or checked loop instead (the
 * {@code edgec.clipBorders} test hook forces either), which must compile to a different module.
 */
class ClippedBorderConvTest {
    private static final String FORCE = "edgec.clipBorders";

    @AfterEach
    void clearHook() {
        System.clearProperty(FORCE);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("uint8 3x3 pads 1", DataType.UINT8, DataType.UINT8, new int[] {1, 5, 6, 6}, new int[] {7, 5, 3, 3},
                        false, new Object[] {"pads", ints(1, 1, 1, 1)}),
                Arguments.of("int8 per channel, asymmetric pads, stride 2", DataType.INT8, DataType.INT8, new int[] {1, 3, 9, 8},
                        new int[] {4, 3, 3, 2}, true, new Object[] {"pads", ints(0, 2, 1, 0), "strides", ints(2, 2)}),
                Arguments.of("uint8 x int8 per channel, dilation 2", DataType.UINT8, DataType.INT8, new int[] {1, 2, 7, 9},
                        new int[] {3, 2, 3, 3}, true, new Object[] {"pads", ints(2, 2, 2, 2), "dilations", ints(2, 2)}),
                Arguments.of("1-D stride 3", DataType.INT8, DataType.INT8, new int[] {2, 3, 11}, new int[] {5, 3, 4}, true,
                        new Object[] {"pads", ints(2, 1), "strides", ints(3)}),
                Arguments.of("depthwise", DataType.UINT8, DataType.UINT8, new int[] {1, 6, 5, 5}, new int[] {6, 1, 3, 3}, false,
                        new Object[] {"group", 6L, "pads", ints(1, 1, 1, 1)}),
                Arguments.of("depthwise stride 2, SAME_UPPER", DataType.INT8, DataType.INT8, new int[] {1, 4, 8, 7},
                        new int[] {4, 1, 3, 3}, false, new Object[] {"group", 4L, "auto_pad", "SAME_UPPER", "strides", ints(2, 2)}),
                Arguments.of("group 2", DataType.INT8, DataType.INT8, new int[] {1, 4, 6, 5}, new int[] {6, 2, 3, 3}, true,
                        new Object[] {"group", 2L, "pads", ints(1, 0, 1, 2)}),
                Arguments.of("kernel larger than the map", DataType.UINT8, DataType.UINT8, new int[] {1, 2, 3, 3},
                        new int[] {3, 2, 5, 5}, false, new Object[] {"pads", ints(2, 2, 2, 2)}),
                Arguments.of("windows wholly in the padding", DataType.UINT8, DataType.INT8, new int[] {1, 2, 2, 2},
                        new int[] {2, 2, 3, 3}, true, new Object[] {"pads", ints(4, 3, 4, 4)}),
                Arguments.of("many channels (blocks of channels)", DataType.INT8, DataType.INT8, new int[] {1, 16, 5, 4},
                        new int[] {5, 16, 3, 3}, true, new Object[] {"pads", ints(1, 1, 1, 1)}),
                Arguments.of("3-D", DataType.UINT8, DataType.UINT8, new int[] {1, 2, 4, 5, 4}, new int[] {3, 2, 3, 3, 2},
                        false, new Object[] {"pads", ints(1, 1, 0, 1, 1, 1)}));
    }

    private static long[] ints(long... v) {
        return v;
    }

    /** QLinearConv with run-time scales (so float requantization, exact against ONNX Runtime), both ways. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesOrtExactly(String name, DataType xt, DataType wt, int[] x, int[] w, boolean perChannel, Object[] attrs) {
        byte[] model = QLinearConvTest.model(xt, wt, x, w, perChannel, true, true, attrs);
        int taps = Arrays.stream(w).skip(1).reduce(1, (a, b) -> a * b);
        Map<String, Tensor> inputs = Map.of("x", QuantCheck.randomInts(xt, x, new Random(8)),
                "xs", Tensor.ofFloats(Shape.scalar(), 0.05f), "ys", Tensor.ofFloats(Shape.scalar(), (float) (0.2 * Math.sqrt(taps))));
        byte[][] modules = new byte[2][];
        String[] modes = {"always", "never"};
        for (int i = 0; i < 2; i++) {
            System.setProperty(FORCE, modes[i]);
            modules[i] = new Compiler().compile(model, CompileOptions.defaults()).moduleBytes();
            assertEquals(0, QuantCheck.difference(model, inputs).max(), name + " (" + modes[i] + ")");
        }
        assertFalse(Arrays.equals(modules[0], modules[1]), name + ": the hook changed nothing");
    }

    /** ConvInteger (int32 output, exact) with zero points, clipped. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void convIntegerMatchesOrt(String name, DataType xt, DataType wt, int[] x, int[] w, boolean perChannel, Object[] attrs) {
        // ONNX Runtime's ConvInteger takes uint8 only
        System.setProperty(FORCE, "always");
        QuantCheck.assertExact(ConvIntegerTest.conv(DataType.UINT8, x, w, true, attrs),
                Map.of("x", QuantCheck.randomInts(DataType.UINT8, x, new Random(9))));
    }

    /**
     * A bias given at run time: border regions start from it less their stored correction. Large
     * weights (uint8, zero point 3) make the missing taps' sums overflow int16 for some regions, small
     * ones (int8 near 0) fit, so both table widths are read.
     */
    @Test
    void runTimeBiasBothTableWidths() {
        for (DataType wt : List.of(DataType.UINT8, DataType.INT8)) {
            OnnxBuilder b = new OnnxBuilder("qconv_bias_input", 10);
            Random rnd = new Random(5);
            int m = 6;
            int[] x = {1, 48, 5, 6};
            int[] wShape = {m, 48, 3, 3};
            Tensor weights = wt == DataType.UINT8 ? QuantCheck.ints(wt, wShape, rnd, 200, 255)
                    : QuantCheck.ints(wt, wShape, rnd, -3, 3);
            String y = b.node("QLinearConv", List.of(b.input("x", DataType.UINT8, QuantCheck.longs(x)),
                    b.input("xs", DataType.FLOAT32),
                    b.initializer("xz", Tensor.ofLongs(DataType.UINT8, Shape.scalar(), 121)), b.initializer("w", weights),
                    b.initializer("ws", Tensor.ofFloats(Shape.scalar(), 0.001f)),
                    b.initializer("wz", Tensor.ofLongs(wt, Shape.scalar(), 3)),
                    b.input("ys", DataType.FLOAT32),
                    b.initializer("yz", Tensor.ofLongs(DataType.UINT8, Shape.scalar(), 100)),
                    b.input("bias", DataType.INT32, m)), "pads", new long[] {1, 2, 1, 0});
            b.output(y, DataType.UINT8);
            Map<String, Tensor> inputs = Map.of("x", QuantCheck.randomInts(DataType.UINT8, x, rnd),
                    "bias", QuantCheck.ints(DataType.INT32, new int[] {m}, rnd, -20000, 20000),
                    "xs", Tensor.ofFloats(Shape.scalar(), 0.03f), "ys", Tensor.ofFloats(Shape.scalar(), 2f));
            System.setProperty(FORCE, "always");
            assertEquals(0, QuantCheck.difference(b.toBytes(), inputs).max(), "run-time bias, " + wt + " weights");
        }
    }
}
