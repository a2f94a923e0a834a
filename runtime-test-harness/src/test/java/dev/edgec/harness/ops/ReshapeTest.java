package dev.edgec.harness.ops;

import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.ir.DataType;
import dev.edgec.ir.InvalidModelException;
import dev.edgec.ir.UnsupportedModelException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReshapeTest {
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(13, new int[]{2, 3, 4}, new long[]{4, 6}, 0L),
                Arguments.of(13, new int[]{2, 3, 4}, new long[]{-1}, 0L),
                Arguments.of(5, new int[]{2, 3, 4}, new long[]{0, -1}, 0L),
                Arguments.of(14, new int[]{1, 3, 5, 5}, new long[]{0, 0, 25}, 0L),
                Arguments.of(14, new int[]{6}, new long[]{1, 1, 6, 1}, 0L),
                Arguments.of(14, new int[]{}, new long[]{1, 1}, 0L),
                Arguments.of(14, new int[]{1}, new long[]{}, 0L),
                Arguments.of(14, new int[]{0, 3}, new long[]{3, 0}, 1L),
                Arguments.of(21, new int[]{3, 7, 5}, new long[]{5, -1, 3}, 1L));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesOrt(int opset, int[] in, long[] target, long allowZero) {
        for (DataType t : OpCheck.MOVE_TYPES) {
            OnnxBuilder b = new OnnxBuilder("reshape", opset);
            String x = b.input("x", t, OpCheck.longs(in));
            String y = opset >= 14
                    ? b.node("Reshape", List.of(x, b.initializer("shape", OpCheck.int64s(target))), "allowzero", allowZero)
                    : b.node("Reshape", List.of(x, b.initializer("shape", OpCheck.int64s(target))));
            b.output(y, t);
            OpCheck.assertMatchesOrt(b.toBytes(), t);
        }
    }

    private static byte[] model(int[] in, long[] target) {
        OnnxBuilder b = new OnnxBuilder("reshape", 14);
        String x = b.input("x", DataType.FLOAT32, OpCheck.longs(in));
        b.output(b.node("Reshape", List.of(x, b.initializer("shape", OpCheck.int64s(target)))), DataType.FLOAT32);
        return b.toBytes();
    }

    @Test
    void rejectsBadTargets() {
        OpCheck.assertRejected(model(new int[]{2, 3}, new long[]{4, 2}), InvalidModelException.class, "Reshape", "cannot reshape");
        OpCheck.assertRejected(model(new int[]{2, 3}, new long[]{-1, -1}), InvalidModelException.class, "Reshape", "more than one -1");
        OpCheck.assertRejected(model(new int[]{2, 3}, new long[]{4, -1}), InvalidModelException.class, "Reshape", "cannot infer");
        OpCheck.assertRejected(model(new int[]{2, 3}, new long[]{-2, 3}), InvalidModelException.class, "Reshape", "invalid dimension");
    }

    @Test
    void rejectsShapeComputedAtRunTime() {
        OnnxBuilder b = new OnnxBuilder("reshape", 14);
        String x = b.input("x", DataType.FLOAT32, 2, 3);
        String s = b.input("s", DataType.INT64, 2);
        b.output(b.node("Reshape", List.of(x, s)), DataType.FLOAT32);
        OpCheck.assertRejected(b.toBytes(), UnsupportedModelException.class, "Reshape", "must be a constant");
    }
}
