package dev.edgec.harness.ops;

import dev.edgec.ir.DataType;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Acos against ONNX Runtime over shapes, on its domain and on special values. */
class AcosTest {
    static Stream<Arguments> cases() {
        return UnaryFloatOpTesting.cases(DataType.FLOAT32);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesOrt(DataType t, int[] shape) {
        UnaryFloatOpTesting.check("Acos", 7, t, shape, -1, 1);
    }

    @Test
    void specialValues() {
        UnaryFloatOpTesting.checkValues("Acos", 7, DataType.FLOAT32, Float.NaN, 1f, -1f, 0f, -1.5f);
    }

    @Test
    void rejectsIntegers() {
        UnaryFloatOpTesting.assertRejectsInt32("Acos", 7);
    }
}
