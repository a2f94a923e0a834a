package dev.edgec.harness.ops;

import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** IsInf against ONNX Runtime with each detect_positive / detect_negative setting. */
class IsInfTest {
    static Stream<Arguments> cases() {
        return Stream.of(Arguments.of(1L, 1L), Arguments.of(1L, 0L), Arguments.of(0L, 1L), Arguments.of(0L, 0L));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void float32(long positive, long negative) {
        byte[] model = OpCheck.model("IsInf", 10, List.of(DataType.FLOAT32), List.<int[]>of(new int[]{6}), DataType.BOOL,
                "detect_positive", positive, "detect_negative", negative);
        Tensor x = Tensor.ofFloats(Shape.of(6), Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, 0f,
                Float.MAX_VALUE, -1f);
        OpCheck.assertMatchesOrt(model, Map.of("x0", x), DataType.BOOL);
    }

    @Test
    void float64Defaults() {
        byte[] model = OpCheck.model("IsInf", 10, List.of(DataType.FLOAT64), List.<int[]>of(new int[]{4}), DataType.BOOL);
        Tensor x = Tensor.ofDoubles(DataType.FLOAT64, Shape.of(4), Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                Double.NaN, Double.MAX_VALUE);
        OpCheck.assertMatchesOrt(model, Map.of("x0", x), DataType.BOOL);
    }
}
