package dev.edgec.harness.ops;

import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** IsNaN against ONNX Runtime on float32 and float64 special values. */
class IsNaNTest {
    @Test
    void float32() {
        UnaryFloatOpTesting.checkValues("IsNaN", 13, DataType.BOOL, Float.NaN, -Float.NaN, 0f, Float.POSITIVE_INFINITY,
                Float.NEGATIVE_INFINITY, 1f, Float.intBitsToFloat(0x7F800001));
    }

    @Test
    void float64() {
        byte[] model = OpCheck.model("IsNaN", 9, List.of(DataType.FLOAT64), List.<int[]>of(new int[]{2, 2}), DataType.BOOL);
        Tensor x = Tensor.ofDoubles(DataType.FLOAT64, Shape.of(2, 2), Double.NaN, 1, Double.NEGATIVE_INFINITY, -0.0);
        OpCheck.assertMatchesOrt(model, Map.of("x0", x), DataType.BOOL);
    }

    @Test
    void rejectsIntegers() {
        UnaryFloatOpTesting.assertRejectsInt32("IsNaN", 13);
    }
}
