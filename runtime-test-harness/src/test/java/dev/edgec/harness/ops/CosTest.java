package dev.edgec.harness.ops;

import dev.edgec.ir.DataType;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Cos against ONNX Runtime over shapes, on its domain and on special values. */
class CosTest {
    static Stream<Arguments> cases() {
        return UnaryFloatOpTesting.cases(DataType.FLOAT32);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesOrt(DataType t, int[] shape) {
        UnaryFloatOpTesting.check("Cos", 7, t, shape, -20, 20);
    }

    @Test
    void specialValues() {
        UnaryFloatOpTesting.checkValues("Cos", 7, DataType.FLOAT32, Float.NaN, Float.NEGATIVE_INFINITY, 0f, 1e6f, 1.5707964f);
    }

    @Test
    void rejectsIntegers() {
        UnaryFloatOpTesting.assertRejectsInt32("Cos", 7);
    }
}
