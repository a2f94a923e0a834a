package dev.edgec.harness.ops;

import static dev.edgec.harness.ops.ConvTest.dims;
import static dev.edgec.harness.ops.ConvTest.ints;

import dev.edgec.ir.DataType;
import dev.edgec.ir.UnsupportedModelException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** LpPool against ONNX Runtime: p, padding, strides, auto_pad, and opset 18's ceil_mode and dilations. */
class LpPoolTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(11, dims(1, 2, 5, 5), new Object[]{"kernel_shape", ints(2, 2)}),
                Arguments.of(11, dims(2, 3, 7), new Object[]{"kernel_shape", ints(3), "p", 1L, "strides", ints(2),
                        "pads", ints(1, 1)}),
                Arguments.of(11, dims(1, 1, 6, 6), new Object[]{"kernel_shape", ints(3, 3), "p", 3L, "auto_pad", "SAME_UPPER"}),
                Arguments.of(18, dims(1, 2, 6, 5), new Object[]{"kernel_shape", ints(2, 2), "dilations", ints(2, 1),
                        "ceil_mode", 1L, "strides", ints(2, 2), "p", 4L}),
                Arguments.of(2, dims(1, 2, 4, 4, 3), new Object[]{"kernel_shape", ints(2, 2, 2)}));
    }

    @ParameterizedTest(name = "opset {0} x {1}")
    @MethodSource("cases")
    void matchesOnnxRuntime(int opset, int[] x, Object[] attributes) {
        OpCheck.assertMatchesOrt(OpCheck.unary("LpPool", opset, DataType.FLOAT32, x, attributes), DataType.FLOAT32);
    }

    @Test
    void rejectsNonIntegerAndZeroP() {
        PoolTesting.assertError(UnsupportedModelException.class, OpCheck.unary("LpPool", 1, DataType.FLOAT32,
                dims(1, 1, 4, 4), "kernel_shape", ints(2, 2), "p", 2.5f), "LpPool", "p 2.5");
        PoolTesting.assertError(UnsupportedModelException.class, OpCheck.unary("LpPool", 11, DataType.FLOAT32,
                dims(1, 1, 4, 4), "kernel_shape", ints(2, 2), "p", 0L), "LpPool", "p 0");
    }
}
