package dev.edgec.harness.ops;

import static dev.edgec.harness.ops.ConvTest.dims;
import static dev.edgec.harness.ops.ConvTest.ints;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.edgec.harness.ModelCheck;
import dev.edgec.harness.Tolerance;
import dev.edgec.ir.InvalidModelException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** AveragePool against ONNX Runtime over windows, strides, pads, count_include_pad, ceil_mode, auto_pad, dilations. */
class AveragePoolTest {
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("2x2 stride 2", 11, dims(1, 3, 8, 8), new Object[] {"kernel_shape", ints(2, 2), "strides", ints(2, 2)}),
                Arguments.of("3x3 pad 1 excluding pad", 11, dims(2, 2, 7, 6),
                        new Object[] {"kernel_shape", ints(3, 3), "pads", ints(1, 1, 1, 1)}),
                Arguments.of("3x3 pad 1 including pad", 11, dims(1, 2, 7, 6),
                        new Object[] {"kernel_shape", ints(3, 3), "pads", ints(1, 1, 1, 1), "count_include_pad", 1L}),
                Arguments.of("asymmetric pads stride 2 including pad", 11, dims(1, 1, 9, 8),
                        new Object[] {"kernel_shape", ints(3, 2), "strides", ints(2, 2), "pads", ints(2, 0, 1, 1), "count_include_pad", 1L}),
                Arguments.of("opset 7", 7, dims(1, 2, 5, 5), new Object[] {"kernel_shape", ints(2, 3)}),
                Arguments.of("ceil_mode", 11, dims(1, 2, 7, 8),
                        new Object[] {"kernel_shape", ints(3, 3), "strides", ints(2, 2), "ceil_mode", 1L}),
                Arguments.of("ceil_mode pad including pad", 11, dims(1, 1, 6, 7),
                        new Object[] {"kernel_shape", ints(3, 3), "strides", ints(2, 2), "pads", ints(1, 1, 1, 1), "ceil_mode", 1L,
                            "count_include_pad", 1L}),
                Arguments.of("SAME_UPPER", 11, dims(1, 2, 7, 5),
                        new Object[] {"kernel_shape", ints(3, 3), "strides", ints(2, 2), "auto_pad", "SAME_UPPER"}),
                Arguments.of("SAME_LOWER", 11, dims(1, 2, 6, 6),
                        new Object[] {"kernel_shape", ints(2, 3), "auto_pad", "SAME_LOWER"}),
                Arguments.of("SAME_LOWER stride 2 including pad", 11, dims(2, 2, 7, 6),
                        new Object[] {"kernel_shape", ints(3, 2), "strides", ints(2, 2), "auto_pad", "SAME_LOWER", "count_include_pad", 1L}),
                Arguments.of("VALID", 11, dims(1, 2, 7, 7), new Object[] {"kernel_shape", ints(3, 3), "auto_pad", "VALID"}),
                Arguments.of("dilations (opset 19)", 19, dims(1, 2, 9, 9),
                        new Object[] {"kernel_shape", ints(2, 2), "dilations", ints(2, 3)}),
                Arguments.of("dilations with pads including pad (opset 19)", 19, dims(1, 2, 8, 7),
                        new Object[] {"kernel_shape", ints(3, 2), "dilations", ints(2, 2), "pads", ints(1, 1, 1, 1),
                            "count_include_pad", 1L}),
                Arguments.of("dilations with pads excluding pad, ceil (opset 19)", 19, dims(1, 1, 8, 9),
                        new Object[] {"kernel_shape", ints(2, 3), "dilations", ints(3, 2), "strides", ints(2, 2),
                            "pads", ints(1, 1, 1, 1), "ceil_mode", 1L}),
                Arguments.of("1-D", 11, dims(2, 3, 12), new Object[] {"kernel_shape", ints(4), "strides", ints(3), "pads", ints(1, 2)}),
                Arguments.of("3-D", 11, dims(1, 2, 5, 4, 6),
                        new Object[] {"kernel_shape", ints(2, 2, 3), "strides", ints(1, 2, 2), "pads", ints(1, 0, 1, 0, 1, 1)}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesOnnxRuntime(String name, int opset, int[] x, Object[] attributes) {
        assertNull(ModelCheck.mismatchOnRandomInputs(PoolTesting.model("AveragePool", opset, x, attributes), 4, Tolerance.ONNX_BACKEND));
    }

    @Test
    void rejectsBadAttributes() {
        PoolTesting.assertError(InvalidModelException.class,
                PoolTesting.model("AveragePool", 11, dims(1, 1, 3, 3), "kernel_shape", ints(2, 2), "strides", ints(0, 1)),
                "AveragePool", "strides");
        PoolTesting.assertError(InvalidModelException.class,
                PoolTesting.model("AveragePool", 11, dims(1, 1, 5, 5), "kernel_shape", ints(2, 2), "dilations", ints(2, 2)),
                "AveragePool", "unknown attribute dilations");
        PoolTesting.assertError(InvalidModelException.class,
                PoolTesting.model("AveragePool", 11, dims(1, 1, 5, 5), "kernel_shape", ints(2, 2), "pads", ints(-1, 0, 0, 0)),
                "AveragePool", "negative pads");
        PoolTesting.assertError(InvalidModelException.class,
                PoolTesting.model("AveragePool", 11, dims(1, 1, 5, 5), "kernel_shape", ints(2, 2), "pads", ints(0, 2, 0, 0)),
                "AveragePool", "smaller than kernel_shape");
    }
}
