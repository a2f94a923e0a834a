package dev.edgec.harness.ops;

import static dev.edgec.harness.ops.ConvTest.dims;

import dev.edgec.ir.DataType;
import dev.edgec.ir.InvalidModelException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** InstanceNormalization against ONNX Runtime over ranks, opsets and epsilon. */
class InstanceNormalizationTest {

    static byte[] model(int opset, int[] x, int channels, Object... attributes) {
        return OpCheck.model("InstanceNormalization", opset, List.of(DataType.FLOAT32, DataType.FLOAT32, DataType.FLOAT32),
                List.of(x, dims(channels), dims(channels)), DataType.FLOAT32, attributes);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(6, dims(2, 3, 5), new Object[]{}),
                Arguments.of(6, dims(1, 4, 3, 3), new Object[]{"epsilon", 0.01f}),
                Arguments.of(21, dims(2, 2, 2, 3, 2), new Object[]{}),
                Arguments.of(7, dims(3, 1, 7), new Object[]{"epsilon", 1e-3f}));
    }

    @ParameterizedTest(name = "opset {0} x {1}")
    @MethodSource("cases")
    void matchesOnnxRuntime(int opset, int[] x, Object[] attributes) {
        OpCheck.assertMatchesOrt(model(opset, x, x[1], attributes), DataType.FLOAT32);
    }

    @Test
    void rejectsChannelMismatchAndLowRank() {
        PoolTesting.assertError(InvalidModelException.class, model(6, dims(1, 3, 4), 2), "InstanceNormalization", "shape [3]");
        PoolTesting.assertError(InvalidModelException.class, model(6, dims(3, 4), 4), "InstanceNormalization", "rank 3");
    }
}
