package dev.edgec.harness.ops;

import static dev.edgec.harness.ops.ConvTest.dims;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.edgec.harness.ModelCheck;
import dev.edgec.harness.Tolerance;
import dev.edgec.ir.InvalidModelException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** GlobalAveragePool and GlobalMaxPool against ONNX Runtime over ranks and batch sizes. */
class GlobalAveragePoolTest {
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("GlobalAveragePool", 13, dims(1, 8, 6, 6)),
                Arguments.of("GlobalAveragePool", 1, dims(2, 3, 5, 7)),
                Arguments.of("GlobalAveragePool", 13, dims(2, 3, 10)),
                Arguments.of("GlobalAveragePool", 13, dims(1, 2, 3, 4, 5)),
                Arguments.of("GlobalAveragePool", 13, dims(1, 4, 1, 1)),
                Arguments.of("GlobalMaxPool", 13, dims(2, 3, 5, 4)),
                Arguments.of("GlobalMaxPool", 1, dims(1, 2, 9)));
    }

    @ParameterizedTest(name = "{0} opset {1} {2}")
    @MethodSource("cases")
    void matchesOnnxRuntime(String op, int opset, int[] x) {
        assertNull(ModelCheck.mismatchOnRandomInputs(PoolTesting.model(op, opset, x), 5, Tolerance.ONNX_BACKEND));
    }

    @Test
    void rejectsLowRank() {
        PoolTesting.assertError(InvalidModelException.class, PoolTesting.model("GlobalAveragePool", 13, dims(2, 3)),
                "GlobalAveragePool", "rank 3 or more");
    }
}
