package dev.edgec.harness.ops;

import dev.edgec.ir.DataType;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Shrink against ONNX Runtime over shapes, types, lambd and bias. */
class ShrinkTest {
    static Stream<Arguments> cases() {
        return Stream.of(DataType.FLOAT32, DataType.FLOAT64).flatMap(t -> UnaryFloatOpTesting.SHAPES.stream()
                .flatMap(s -> Stream.of(Arguments.of(t, s, new Object[0]),
                        Arguments.of(t, s, new Object[]{"lambd", 1.5f, "bias", 1.5f}),
                        Arguments.of(t, s, new Object[]{"bias", -0.25f}))));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesOrt(DataType t, int[] shape, Object[] attributes) {
        UnaryFloatOpTesting.check("Shrink", 9, t, shape, -3, 3, attributes);
    }

    @Test
    void rejectsIntegers() {
        UnaryFloatOpTesting.assertRejectsInt32("Shrink", 9);
    }
}
