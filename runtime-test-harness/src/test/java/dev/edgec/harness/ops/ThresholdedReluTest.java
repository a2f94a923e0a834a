package dev.edgec.harness.ops;

import dev.edgec.ir.DataType;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** ThresholdedRelu against ONNX Runtime over shapes and alpha. */
class ThresholdedReluTest {
    static Stream<Arguments> cases() {
        return UnaryFloatOpTesting.SHAPES.stream().flatMap(s -> Stream.of(Arguments.of(s, new Object[0]),
                Arguments.of(s, new Object[]{"alpha", 2.5f}), Arguments.of(s, new Object[]{"alpha", -1f})));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesOrt(int[] shape, Object[] attributes) {
        UnaryFloatOpTesting.check("ThresholdedRelu", 10, DataType.FLOAT32, shape, -5, 5, attributes);
    }

    @Test
    void rejectsIntegers() {
        UnaryFloatOpTesting.assertRejectsInt32("ThresholdedRelu", 10);
    }
}
