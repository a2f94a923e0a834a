package dev.edgec.harness.ops;

import dev.edgec.ir.DataType;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Mish (opset 18) against ONNX Runtime over shapes and far-out inputs. */
class MishTest {
    static Stream<Arguments> cases() {
        return UnaryFloatOpTesting.cases(DataType.FLOAT32);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesOrt(DataType t, int[] shape) {
        UnaryFloatOpTesting.check("Mish", 18, t, shape, -10, 10);
    }

    @Test
    void specialValues() {
        UnaryFloatOpTesting.checkValues("Mish", 18, DataType.FLOAT32, -20f, -90f, 0f, 50f, 1e-20f, Float.NEGATIVE_INFINITY);
    }

    @Test
    void rejectsIntegers() {
        UnaryFloatOpTesting.assertRejectsInt32("Mish", 18);
    }
}
