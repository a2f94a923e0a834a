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

class SqueezeTest {
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(11, new int[]{1, 3, 1, 4}, new long[]{0, 2}),
                Arguments.of(11, new int[]{1, 3, 1, 4}, null),
                Arguments.of(12, new int[]{2, 1}, new long[]{-1}),
                Arguments.of(13, new int[]{1, 3, 1, 4}, new long[]{-2}),
                Arguments.of(13, new int[]{1, 1, 1}, null),
                Arguments.of(13, new int[]{1, 3, 1}, new long[]{}),
                Arguments.of(21, new int[]{5, 1}, new long[]{1}));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesOrt(int opset, int[] in, long[] axes) {
        for (DataType t : OpCheck.MOVE_TYPES) {
            OnnxBuilder b = new OnnxBuilder("squeeze", opset);
            String x = b.input("x", t, OpCheck.longs(in));
            String y;
            if (axes == null) {
                y = b.node("Squeeze", List.of(x));
            } else if (opset >= 13) {
                y = b.node("Squeeze", List.of(x, b.initializer("axes", OpCheck.int64s(axes))));
            } else {
                y = b.node("Squeeze", List.of(x), "axes", axes);
            }
            b.output(y, t);
            OpCheck.assertMatchesOrt(b.toBytes(), t);
        }
    }

    @Test
    void rejectsAxisThatIsNotOne() {
        OnnxBuilder b = new OnnxBuilder("squeeze", 13);
        String x = b.input("x", DataType.FLOAT32, 2, 3);
        b.output(b.node("Squeeze", List.of(x, b.initializer("axes", OpCheck.int64s(1)))), DataType.FLOAT32);
        OpCheck.assertRejected(b.toBytes(), InvalidModelException.class, "Squeeze", "cannot squeeze");
    }
}
