package dev.edgec.harness.ops;

import static dev.edgec.harness.ops.ConvTest.dims;

import dev.edgec.ir.DataType;
import dev.edgec.ir.InvalidModelException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** MeanVarianceNormalization against ONNX Runtime: default axes, suffix axes and scattered axes. */
class MeanVarianceNormalizationTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(9, dims(2, 3, 4, 5), new Object[]{}),
                Arguments.of(13, dims(3, 2, 4, 2), new Object[]{"axes", ConvTest.ints(2, 3)}),
                Arguments.of(13, dims(2, 5, 3), new Object[]{"axes", ConvTest.ints(0, -1)}),
                Arguments.of(13, dims(4, 6), new Object[]{"axes", ConvTest.ints(1)}));
    }

    @ParameterizedTest(name = "opset {0} x {1}")
    @MethodSource("cases")
    void matchesOnnxRuntime(int opset, int[] x, Object[] attributes) {
        OpCheck.assertMatchesOrt(OpCheck.unary("MeanVarianceNormalization", opset, DataType.FLOAT32, x, attributes),
                DataType.FLOAT32);
    }

    @Test
    void rejectsAxisOutOfRange() {
        PoolTesting.assertError(InvalidModelException.class, OpCheck.unary("MeanVarianceNormalization", 13,
                DataType.FLOAT32, dims(2, 3), "axes", ConvTest.ints(2)), "MeanVarianceNormalization", "axis 2");
    }
}
