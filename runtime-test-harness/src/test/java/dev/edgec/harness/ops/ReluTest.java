package dev.edgec.harness.ops;

import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Relu against ONNX Runtime, including how NaN and infinities pass through (not int64: ONNX Runtime has no int64 Relu). */
class ReluTest {
    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT32", "FLOAT64", "INT32", "INT8"})
    void matchesOrt(DataType t) {
        for (int[] shape : List.of(new int[]{}, new int[]{9}, new int[]{2, 3, 5})) {
            byte[] model = OpCheck.unary("Relu", 14, t, shape);
            OpCheck.assertMatchesOrt(model, OpCheck.randomInputs(List.of(t), List.<int[]>of(shape), 2, -5, 5), t);
        }
    }

    @Test
    void nanAndInfinities() {
        byte[] model = OpCheck.unary("Relu", 14, DataType.FLOAT32, new int[]{4});
        Tensor in = Tensor.ofFloats(Shape.of(4), Float.NaN, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, -0f);
        OpCheck.assertMatchesOrt(model, Map.of("x0", in), DataType.FLOAT32);
    }
}
