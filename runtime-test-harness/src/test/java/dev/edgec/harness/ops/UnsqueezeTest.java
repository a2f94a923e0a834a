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

class UnsqueezeTest {
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(11, new int[]{3, 4}, new long[]{0}),
                Arguments.of(11, new int[]{3, 4}, new long[]{-1, 1}),
                Arguments.of(13, new int[]{}, new long[]{0}),
                Arguments.of(13, new int[]{3, 4}, new long[]{3, 0}),
                Arguments.of(21, new int[]{2}, new long[]{-1}));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesOrt(int opset, int[] in, long[] axes) {
        for (DataType t : OpCheck.MOVE_TYPES) {
            OnnxBuilder b = new OnnxBuilder("unsqueeze", opset);
            String x = b.input("x", t, OpCheck.longs(in));
            String y = opset >= 13
                    ? b.node("Unsqueeze", List.of(x, b.initializer("axes", OpCheck.int64s(axes))))
                    : b.node("Unsqueeze", List.of(x), "axes", axes);
            b.output(y, t);
            OpCheck.assertMatchesOrt(b.toBytes(), t);
        }
    }

    @Test
    void rejectsRepeatedAxis() {
        OnnxBuilder b = new OnnxBuilder("unsqueeze", 13);
        String x = b.input("x", DataType.FLOAT32, 2, 3);
        b.output(b.node("Unsqueeze", List.of(x, b.initializer("axes", OpCheck.int64s(1, -3)))), DataType.FLOAT32);
        OpCheck.assertRejected(b.toBytes(), InvalidModelException.class, "Unsqueeze", "listed twice");
    }
}
