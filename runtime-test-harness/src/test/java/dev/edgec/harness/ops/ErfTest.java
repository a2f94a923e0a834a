package dev.edgec.harness.ops;

import dev.edgec.ir.DataType;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Erf against ONNX Runtime over shapes, on its domain and on special values. */
class ErfTest {
    static Stream<Arguments> cases() {
        return UnaryFloatOpTesting.cases(DataType.FLOAT32);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesOrt(DataType t, int[] shape) {
        UnaryFloatOpTesting.check("Erf", 9, t, shape, -4, 4);
    }

    /** Without NaN: ONNX Runtime's erf gives 1 for NaN, edgec keeps NaN (ErfF32's Javadoc). */
    @Test
    void specialValues() {
        UnaryFloatOpTesting.checkValues("Erf", 9, DataType.FLOAT32, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0f, 3.9f, -5f, 1e-10f);
    }

    @Test
    void rejectsIntegers() {
        UnaryFloatOpTesting.assertRejectsInt32("Erf", 9);
    }
}
