package dev.edgec.harness.ops;

import dev.edgec.ir.DataType;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Log against ONNX Runtime over shapes, on its domain and on special values. */
class LogTest {
    static Stream<Arguments> cases() {
        return UnaryFloatOpTesting.cases(DataType.FLOAT32, DataType.FLOAT64);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesOrt(DataType t, int[] shape) {
        UnaryFloatOpTesting.check("Log", 6, t, shape, 0.001, 100);
    }

    @Test
    void specialValues() {
        UnaryFloatOpTesting.checkValues("Log", 6, DataType.FLOAT32, Float.NaN, Float.POSITIVE_INFINITY, 0f, -1f, 1f, 1e-40f);
    }

    @Test
    void rejectsIntegers() {
        UnaryFloatOpTesting.assertRejectsInt32("Log", 6);
    }
}
