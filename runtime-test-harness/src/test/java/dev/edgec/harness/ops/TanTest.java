package dev.edgec.harness.ops;

import dev.edgec.ir.DataType;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Tan against ONNX Runtime over shapes, on its domain and on special values. */
class TanTest {
    static Stream<Arguments> cases() {
        return UnaryFloatOpTesting.cases(DataType.FLOAT32);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesOrt(DataType t, int[] shape) {
        UnaryFloatOpTesting.check("Tan", 7, t, shape, -1.5, 1.5);
    }

    @Test
    void specialValues() {
        UnaryFloatOpTesting.checkValues("Tan", 7, DataType.FLOAT32, Float.NaN, 0f, -0f, 1.5707964f, 100f);
    }

    @Test
    void rejectsIntegers() {
        UnaryFloatOpTesting.assertRejectsInt32("Tan", 7);
    }
}
