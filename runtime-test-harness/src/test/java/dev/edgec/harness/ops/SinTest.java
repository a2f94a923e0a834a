package dev.edgec.harness.ops;

import dev.edgec.ir.DataType;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Sin against ONNX Runtime over shapes, on its domain and on special values. */
class SinTest {
    static Stream<Arguments> cases() {
        return UnaryFloatOpTesting.cases(DataType.FLOAT32, DataType.FLOAT64);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesOrt(DataType t, int[] shape) {
        UnaryFloatOpTesting.check("Sin", 7, t, shape, -20, 20);
    }

    @Test
    void specialValues() {
        UnaryFloatOpTesting.checkValues("Sin", 7, DataType.FLOAT32, Float.NaN, Float.POSITIVE_INFINITY, 0f, -0f, 1e6f, 3.1415927f);
    }

    @Test
    void rejectsIntegers() {
        UnaryFloatOpTesting.assertRejectsInt32("Sin", 7);
    }
}
