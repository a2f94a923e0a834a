package dev.edgec.harness.ops;

import static dev.edgec.harness.ops.ConvTest.dims;
import static dev.edgec.harness.ops.ConvTest.ints;

import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.harness.RandomTensors;
import dev.edgec.ir.DataType;
import dev.edgec.ir.InvalidModelException;
import dev.edgec.ir.TensorType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** ConvTranspose against ONNX Runtime over ranks, groups, strides, pads, auto_pad, output_padding/shape, dilations. */
class ConvTransposeTest {

    /** W is (C, M / group, k...); the bias has M = w[1] * group values. */
    static byte[] model(int opset, int[] x, int[] w, int group, boolean bias, boolean weightsAsInput, Object... attributes) {
        OnnxBuilder b = new OnnxBuilder("convtranspose", opset);
        Random rnd = new Random(7);
        String xi = b.input("x", DataType.FLOAT32, ConvTest.toLongs(x));
        String wi = weightsAsInput ? b.input("w", DataType.FLOAT32, ConvTest.toLongs(w))
                : b.initializer("w", RandomTensors.of(TensorType.of(DataType.FLOAT32, w), rnd));
        List<String> inputs = new ArrayList<>(List.of(xi, wi));
        if (bias) {
            inputs.add(b.initializer("b", RandomTensors.of(TensorType.of(DataType.FLOAT32, w[1] * group), rnd)));
        }
        List<Object> attrs = new ArrayList<>(List.of(attributes));
        if (group != 1) {
            attrs.add("group");
            attrs.add((long) group);
        }
        b.output(b.node("ConvTranspose", inputs, attrs.toArray()), DataType.FLOAT32);
        return b.toBytes();
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(dims(1, 1, 3, 3), dims(1, 2, 3, 3), 1, new Object[]{}),
                Arguments.of(dims(2, 3, 5), dims(3, 2, 3), 1, new Object[]{"strides", ints(2)}),
                Arguments.of(dims(1, 2, 3, 4, 3), dims(2, 2, 3, 2, 2), 1, new Object[]{"strides", ints(1, 2, 1)}),
                Arguments.of(dims(1, 4, 4, 4), dims(4, 3, 3, 3), 2,
                        new Object[]{"strides", ints(3, 2), "pads", ints(1, 2, 0, 1)}),
                Arguments.of(dims(1, 2, 4, 4), dims(2, 1, 3, 3), 2, new Object[]{"dilations", ints(2, 2)}),
                Arguments.of(dims(1, 1, 3, 3), dims(1, 2, 3, 3), 1,
                        new Object[]{"strides", ints(3, 2), "output_padding", ints(1, 1)}),
                Arguments.of(dims(1, 1, 3, 3), dims(1, 2, 3, 3), 1,
                        new Object[]{"strides", ints(3, 2), "output_shape", ints(10, 8)}),
                Arguments.of(dims(1, 1, 3, 3), dims(1, 2, 3, 3), 1,
                        new Object[]{"strides", ints(3, 2), "output_shape", ints(1, 2, 9, 7)}),
                Arguments.of(dims(1, 1, 3, 3), dims(1, 2, 3, 3), 1,
                        new Object[]{"strides", ints(2, 2), "auto_pad", "SAME_UPPER"}),
                Arguments.of(dims(1, 1, 3, 3), dims(1, 2, 3, 3), 1,
                        new Object[]{"strides", ints(2, 2), "auto_pad", "SAME_LOWER"}),
                Arguments.of(dims(1, 1, 3, 4), dims(1, 2, 2, 2), 1,
                        new Object[]{"strides", ints(2, 3), "auto_pad", "SAME_UPPER", "kernel_shape", ints(2, 2)}),
                Arguments.of(dims(1, 2, 3, 3), dims(2, 2, 3, 3), 1, new Object[]{"auto_pad", "VALID"}),
                Arguments.of(dims(1, 6, 5, 5), dims(6, 1, 3, 3), 6,
                        new Object[]{"strides", ints(2, 2), "pads", ints(1, 1, 1, 1), "output_padding", ints(1, 1)}));
    }

    @ParameterizedTest(name = "x {0} w {1} group {2}")
    @MethodSource("cases")
    void matchesOnnxRuntime(int[] x, int[] w, int group, Object[] attributes) {
        OpCheck.assertMatchesOrt(model(11, x, w, group, true, false, attributes), DataType.FLOAT32);
        OpCheck.assertMatchesOrt(model(11, x, w, group, false, true, attributes), DataType.FLOAT32);
    }

    @Test
    void rejectsChannelMismatchAndBadOutputPadding() {
        PoolTesting.assertError(InvalidModelException.class,
                model(11, dims(1, 3, 4, 4), dims(2, 1, 3, 3), 1, false, false), "ConvTranspose", "3 rows");
        PoolTesting.assertError(InvalidModelException.class, model(11, dims(1, 1, 4, 4), dims(1, 1, 3, 3), 1, false,
                false, "output_padding", ints(2, 0)), "ConvTranspose", "output_padding");
    }
}
