package dev.edgec.harness.ops;

import static dev.edgec.harness.ops.ConvTest.dims;

import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.ir.DataType;
import dev.edgec.ir.InvalidModelException;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Upsample (opsets 7 and 9) against ONNX Runtime. */
class UpsampleTest {

    static byte[] model(int opset, DataType t, int[] x, float[] scales, String mode) {
        OnnxBuilder b = new OnnxBuilder("upsample", opset);
        String xi = b.input("x0", t, ConvTest.toLongs(x));
        String y = opset < 9 ? b.node("Upsample", List.of(xi), "scales", scales, "mode", mode)
                : b.node("Upsample", List.of(xi, b.initializer("scales", Tensor.ofFloats(Shape.of(scales.length), scales))),
                "mode", mode);
        b.output(y, t);
        return b.toBytes();
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(7, dims(1, 2, 3, 3), new float[]{1, 1, 2, 3}, "nearest"),
                Arguments.of(9, dims(1, 2, 3, 3), new float[]{1, 1, 2, 2}, "linear"),
                Arguments.of(9, dims(2, 3, 4), new float[]{1, 1.5f, 2.5f}, "nearest"),
                Arguments.of(7, dims(1, 1, 4, 5), new float[]{1, 1, 1.5f, 1.7f}, "linear"));
    }

    @ParameterizedTest(name = "opset {0} x {1} mode {3}")
    @MethodSource("cases")
    void matchesOnnxRuntime(int opset, int[] x, float[] scales, String mode) {
        OpCheck.assertMatchesOrt(model(opset, DataType.FLOAT32, x, scales, mode), DataType.FLOAT32);
    }

    @Test
    void nearestCopiesInt32AndRejectsBadScales() {
        OpCheck.assertMatchesOrt(model(9, DataType.INT32, dims(1, 1, 2, 3), new float[]{1, 1, 2, 2}, "nearest"), DataType.INT32);
        PoolTesting.assertError(InvalidModelException.class,
                model(9, DataType.FLOAT32, dims(1, 1, 2, 3), new float[]{1, 2, 2}, "nearest"), "Upsample", "scales has 3");
    }
}
