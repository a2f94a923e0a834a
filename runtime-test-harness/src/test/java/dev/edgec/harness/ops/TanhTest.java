package dev.edgec.harness.ops;

import dev.edgec.ir.DataType;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Tanh against ONNX Runtime over types, shapes. */
class TanhTest {
    private static final List<DataType> TYPES = List.of(DataType.FLOAT32, DataType.FLOAT64);
    private static final List<int[]> SHAPES = List.of(new int[]{}, new int[]{7}, new int[]{2, 3, 4}, new int[]{1, 65});
    private static final List<Object[]> ATTRIBUTES = List.<Object[]>of(new Object[0]);

    static Stream<Arguments> cases() {
        return TYPES.stream().flatMap(t -> SHAPES.stream().flatMap(s -> ATTRIBUTES.stream().map(a -> Arguments.of(t, s, a))));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesOrt(DataType t, int[] shape, Object[] attributes) {
        byte[] model = OpCheck.unary("Tanh", 13, t, shape, attributes);
        OpCheck.assertMatchesOrt(model, OpCheck.randomInputs(List.of(t), List.<int[]>of(shape), 5, -6, 6), t);
    }
}
