package dev.edgec.harness.ops;

import dev.edgec.ir.DataType;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Asinh against ONNX Runtime over shapes, on its domain and on special values. */
class AsinhTest {
    static Stream<Arguments> cases() {
        return UnaryFloatOpTesting.cases(DataType.FLOAT32);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesOrt(DataType t, int[] shape) {
        UnaryFloatOpTesting.check("Asinh", 9, t, shape, -10, 10);
    }

    @Test
    void specialValues() {
        UnaryFloatOpTesting.checkValues("Asinh", 9, DataType.FLOAT32, Float.NaN, Float.POSITIVE_INFINITY, -0f, 1e30f, -1e-5f, 1e-20f);
    }

    @Test
    void rejectsIntegers() {
        UnaryFloatOpTesting.assertRejectsInt32("Asinh", 9);
    }
}
