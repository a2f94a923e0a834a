package dev.edgec.harness.ops;

import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.ir.DataType;
import dev.edgec.ir.InvalidModelException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FlattenTest {
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(9, new int[]{2, 3, 4}, 1L),
                Arguments.of(9, new int[]{2, 3, 4}, 0L),
                Arguments.of(13, new int[]{2, 3, 4}, 3L),
                Arguments.of(13, new int[]{2, 3, 4, 5}, -2L),
                Arguments.of(21, new int[]{1, 7}, 2L),
                Arguments.of(21, new int[]{5}, -1L));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesOrt(int opset, int[] in, long axis) {
        for (DataType t : OpCheck.MOVE_TYPES) {
            OnnxBuilder b = new OnnxBuilder("flatten", opset);
            String x = b.input("x", t, OpCheck.longs(in));
            b.output(b.node("Flatten", List.of(x), "axis", axis), t);
            OpCheck.assertMatchesOrt(b.toBytes(), t);
        }
    }

    @Test
    void rejectsAxisOutOfRange() {
        OnnxBuilder b = new OnnxBuilder("flatten", 13);
        String x = b.input("x", DataType.FLOAT32, 2, 3);
        b.output(b.node("Flatten", List.of(x), "axis", 3L), DataType.FLOAT32);
        OpCheck.assertRejected(b.toBytes(), InvalidModelException.class, "Flatten", "out of range");
    }
}
