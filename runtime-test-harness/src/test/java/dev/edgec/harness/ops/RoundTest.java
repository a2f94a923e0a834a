package dev.edgec.harness.ops;

import dev.edgec.ir.DataType;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Round against ONNX Runtime: random values over shapes and types, and halves (to even). */
class RoundTest {
    static Stream<Arguments> cases() {
        return UnaryFloatOpTesting.cases(DataType.FLOAT32, DataType.FLOAT64);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesOrt(DataType t, int[] shape) {
        UnaryFloatOpTesting.check("Round", 11, t, shape, -10, 10);
    }

    @Test
    void halvesGoToEven() {
        UnaryFloatOpTesting.checkValues("Round", 11, DataType.FLOAT32, 0.5f, 1.5f, 2.5f, -0.5f, -1.5f, -2.5f, 0.49999997f,
                8388609f, Float.NaN, Float.NEGATIVE_INFINITY);
    }

    @Test
    void rejectsIntegers() {
        UnaryFloatOpTesting.assertRejectsInt32("Round", 11);
    }
}
