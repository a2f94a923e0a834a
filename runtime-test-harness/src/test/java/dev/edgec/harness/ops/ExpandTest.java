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

class ExpandTest {
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(new int[]{3, 1}, new long[]{2, 1, 6}),
                Arguments.of(new int[]{3, 1}, new long[]{3, 4}),
                Arguments.of(new int[]{1, 4}, new long[]{1}),
                Arguments.of(new int[]{}, new long[]{2, 3}),
                Arguments.of(new int[]{2, 1, 3}, new long[]{4, 1}));
    }

    static byte[] model(DataType t, int opset, int[] shape, long[] target) {
        OnnxBuilder b = new OnnxBuilder("expand", opset);
        String x = b.input("x", t, OpCheck.longs(shape));
        b.output(b.node("Expand", List.of(x, b.initializer("shape", OpCheck.int64s(target)))), t);
        return b.toBytes();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesOrt(int[] shape, long[] target) {
        for (DataType t : OpCheck.MOVE_TYPES) {
            OpCheck.assertMatchesOrt(model(t, 13, shape, target), t);
        }
        OpCheck.assertMatchesOrt(model(DataType.FLOAT32, 8, shape, target), DataType.FLOAT32);
    }

    @Test
    void rejectsIncompatibleShape() {
        OpCheck.assertRejected(model(DataType.FLOAT32, 13, new int[]{3, 2}, new long[]{3, 4}),
                InvalidModelException.class, "Expand", "cannot broadcast");
    }
}
