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

class TileTest {
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(new int[]{2, 3}, new long[]{2, 2}),
                Arguments.of(new int[]{2, 3}, new long[]{1, 3}),
                Arguments.of(new int[]{4}, new long[]{3}),
                Arguments.of(new int[]{2, 1, 3}, new long[]{1, 4, 0}),
                Arguments.of(new int[]{1, 2, 2}, new long[]{3, 1, 2}));
    }

    static byte[] model(DataType t, int opset, int[] shape, long[] repeats) {
        OnnxBuilder b = new OnnxBuilder("tile", opset);
        String x = b.input("x", t, OpCheck.longs(shape));
        b.output(b.node("Tile", List.of(x, b.initializer("repeats", OpCheck.int64s(repeats)))), t);
        return b.toBytes();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesOrt(int[] shape, long[] repeats) {
        for (DataType t : OpCheck.MOVE_TYPES) {
            OpCheck.assertMatchesOrt(model(t, 13, shape, repeats), t);
        }
        OpCheck.assertMatchesOrt(model(DataType.FLOAT32, 6, shape, repeats), DataType.FLOAT32);
    }

    @Test
    void rejectsWrongRepeatsLength() {
        OpCheck.assertRejected(model(DataType.FLOAT32, 13, new int[]{3, 2}, new long[]{3}),
                InvalidModelException.class, "Tile", "repeats");
    }
}
