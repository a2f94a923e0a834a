package dev.edgec.harness.ops;

import dev.edgec.ir.DataType;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Sign against ONNX Runtime over numeric types and shapes, with zeros, and NaN. */
class SignTest {
    static Stream<Arguments> cases() {
        return Stream.of(DataType.FLOAT32, DataType.FLOAT64, DataType.INT8, DataType.UINT8, DataType.INT16, DataType.INT32,
                DataType.INT64).flatMap(t -> UnaryFloatOpTesting.SHAPES.stream().map(s -> Arguments.of(t, s)));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesOrt(DataType t, int[] shape) {
        byte[] model = OpCheck.unary("Sign", 13, t, shape);
        OpCheck.assertMatchesOrt(model, OpCheck.smallIntegerInputs(List.of(t), List.<int[]>of(shape), 3), t);
    }

    @Test
    void specialValues() {
        UnaryFloatOpTesting.checkValues("Sign", 9, DataType.FLOAT32, Float.NaN, -0f, 0f, Float.NEGATIVE_INFINITY, 1e-40f);
    }
}
