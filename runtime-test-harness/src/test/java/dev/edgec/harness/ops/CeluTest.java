package dev.edgec.harness.ops;

import dev.edgec.ir.DataType;
import dev.edgec.ir.InvalidModelException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Celu against ONNX Runtime over shapes and alpha. */
class CeluTest {
    static Stream<Arguments> cases() {
        return UnaryFloatOpTesting.SHAPES.stream().flatMap(s -> Stream.of(Arguments.of(s, new Object[0]),
                Arguments.of(s, new Object[]{"alpha", 2f}), Arguments.of(s, new Object[]{"alpha", 0.3f})));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesOrt(int[] shape, Object[] attributes) {
        UnaryFloatOpTesting.check("Celu", 12, DataType.FLOAT32, shape, -6, 6, attributes);
    }

    @Test
    void rejectsZeroAlpha() {
        OpCheck.assertRejected(OpCheck.unary("Celu", 12, DataType.FLOAT32, new int[]{2}, "alpha", 0f),
                InvalidModelException.class, "Celu", "alpha");
    }
}
