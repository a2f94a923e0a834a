package dev.edgec.harness.ops;

import dev.edgec.ir.DataType;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Sinh against ONNX Runtime over shapes, on its domain and on special values. */
class SinhTest {
    static Stream<Arguments> cases() {
        return UnaryFloatOpTesting.cases(DataType.FLOAT32);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesOrt(DataType t, int[] shape) {
        UnaryFloatOpTesting.check("Sinh", 9, t, shape, -10, 10);
    }

    @Test
    void specialValues() {
        UnaryFloatOpTesting.checkValues("Sinh", 9, DataType.FLOAT32, Float.NaN, Float.POSITIVE_INFINITY, -0f, 89f, -89.4f, 1e-5f);
    }

    @Test
    void rejectsIntegers() {
        UnaryFloatOpTesting.assertRejectsInt32("Sinh", 9);
    }
}
