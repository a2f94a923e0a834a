package dev.edgec.harness.ops;

import static dev.edgec.harness.ops.ConvTest.dims;

import dev.edgec.ir.DataType;
import dev.edgec.ir.InvalidModelException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** LRN against ONNX Runtime: odd window sizes (ONNX Runtime takes only those, and only rank 4), alpha, beta (fast and general powers), bias, ranks. */
class LrnTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(dims(2, 5, 3, 3), new Object[]{"size", 3L}),
                Arguments.of(dims(1, 6, 4, 4), new Object[]{"size", 5L, "alpha", 0.002f, "beta", 0.5f, "bias", 2f}),
                Arguments.of(dims(1, 3, 5, 2), new Object[]{"size", 5L, "alpha", 0.01f, "beta", 0.9f}),
                Arguments.of(dims(2, 7, 2, 3), new Object[]{"size", 3L, "beta", 1f, "bias", 1.5f}),
                Arguments.of(dims(1, 4, 3, 3), new Object[]{"size", 1L, "alpha", 0.5f, "beta", 0.33f}));
    }

    @ParameterizedTest(name = "x {0} {1}")
    @MethodSource("cases")
    void matchesOnnxRuntime(int[] x, Object[] attributes) {
        OpCheck.assertMatchesOrt(OpCheck.unary("LRN", 13, DataType.FLOAT32, x, attributes), DataType.FLOAT32);
    }

    @Test
    void rejectsMissingSizeAndLowRank() {
        PoolTesting.assertError(InvalidModelException.class, OpCheck.unary("LRN", 13, DataType.FLOAT32, dims(1, 3, 4)),
                "LRN", "size");
        PoolTesting.assertError(InvalidModelException.class,
                OpCheck.unary("LRN", 13, DataType.FLOAT32, dims(3, 4), "size", 3L), "LRN", "rank 3");
    }
}
