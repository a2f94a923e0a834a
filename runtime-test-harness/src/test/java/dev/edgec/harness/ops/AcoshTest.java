package dev.edgec.harness.ops;

import dev.edgec.ir.DataType;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Acosh against ONNX Runtime over shapes, on its domain and on special values. */
class AcoshTest {
    static Stream<Arguments> cases() {
        return UnaryFloatOpTesting.cases(DataType.FLOAT32);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesOrt(DataType t, int[] shape) {
        UnaryFloatOpTesting.check("Acosh", 9, t, shape, 1, 20);
    }

    @Test
    void specialValues() {
        UnaryFloatOpTesting.checkValues("Acosh", 9, DataType.FLOAT32, Float.NaN, Float.POSITIVE_INFINITY, 1f, 0.5f, 1e30f, 1.0001f);
    }

    @Test
    void rejectsIntegers() {
        UnaryFloatOpTesting.assertRejectsInt32("Acosh", 9);
    }
}
