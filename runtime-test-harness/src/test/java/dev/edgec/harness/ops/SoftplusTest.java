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

/** Softplus against ONNX Runtime over types, shapes. */
class SoftplusTest {
    private static final List<DataType> TYPES = List.of(DataType.FLOAT32);
    private static final List<int[]> SHAPES = List.of(new int[]{}, new int[]{7}, new int[]{2, 3, 4}, new int[]{1, 65});
    private static final List<Object[]> ATTRIBUTES = List.<Object[]>of(new Object[0]);

    static Stream<Arguments> cases() {
        return TYPES.stream().flatMap(t -> SHAPES.stream().flatMap(s -> ATTRIBUTES.stream().map(a -> Arguments.of(t, s, a))));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesOrt(DataType t, int[] shape, Object[] attributes) {
        byte[] model = OpCheck.unary("Softplus", 13, t, shape, attributes);
        OpCheck.assertMatchesOrt(model, OpCheck.randomInputs(List.of(t), List.<int[]>of(shape), 5, -30, 30), t);
    }

    @Test
    void extremesAndNan() {
        byte[] model = OpCheck.unary("Softplus", 13, DataType.FLOAT32, new int[]{8});
        Tensor in = Tensor.ofFloats(Shape.of(8), Float.NaN, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, 0f, -100f,
                100f, 1e-6f, -1e-6f);
        OpCheck.assertMatchesOrt(model, Map.of("x0", in), DataType.FLOAT32);
    }
}
