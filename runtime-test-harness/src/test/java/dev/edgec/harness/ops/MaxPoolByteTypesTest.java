package dev.edgec.harness.ops;

import static dev.edgec.harness.ops.ConvTest.dims;
import static dev.edgec.harness.ops.ConvTest.ints;

import dev.edgec.ir.DataType;
import dev.edgec.ir.UnsupportedModelException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** MaxPool on int8 and uint8 inputs (opset 12+) against ONNX Runtime, including padding and dilations. */
class MaxPoolByteTypesTest {

    static Stream<Arguments> cases() {
        return Stream.of(DataType.INT8, DataType.UINT8).flatMap(t -> Stream.of(
                Arguments.of(t, dims(1, 2, 5, 5), new Object[]{"kernel_shape", ints(2, 2)}),
                Arguments.of(t, dims(2, 3, 7), new Object[]{"kernel_shape", ints(3), "strides", ints(2), "pads", ints(1, 1)}),
                Arguments.of(t, dims(1, 1, 6, 6), new Object[]{"kernel_shape", ints(3, 3), "auto_pad", "SAME_UPPER"}),
                Arguments.of(t, dims(1, 2, 6, 5), new Object[]{"kernel_shape", ints(2, 2), "dilations", ints(2, 1),
                        "ceil_mode", 1L, "strides", ints(2, 2)})));
    }

    @ParameterizedTest(name = "{0} x {1}")
    @MethodSource("cases")
    void matchesOnnxRuntime(DataType t, int[] x, Object[] attributes) {
        byte[] m = OpCheck.model("MaxPool", 12, List.of(t), List.<int[]>of(x), t, attributes);
        OpCheck.assertMatchesOrt(m, t);
    }

    @Test
    void rejectsBytesBeforeOpset12() {
        PoolTesting.assertError(UnsupportedModelException.class, OpCheck.model("MaxPool", 11, List.of(DataType.UINT8),
                List.<int[]>of(dims(1, 1, 4, 4)), DataType.UINT8, "kernel_shape", ints(2, 2)), "MaxPool", "uint8");
    }
}
