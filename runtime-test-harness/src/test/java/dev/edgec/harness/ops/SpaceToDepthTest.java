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

class SpaceToDepthTest {
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(new int[]{1, 2, 4, 6}, 2L),
                Arguments.of(new int[]{2, 3, 6, 3}, 3L),
                Arguments.of(new int[]{1, 1, 2, 2}, 2L),
                Arguments.of(new int[]{2, 2, 3, 3}, 1L));
    }

    static byte[] model(DataType t, int opset, int[] shape, long blocksize) {
        OnnxBuilder b = new OnnxBuilder("space_to_depth", opset);
        String x = b.input("x", t, OpCheck.longs(shape));
        b.output(b.node("SpaceToDepth", List.of(x), "blocksize", blocksize), t);
        return b.toBytes();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesOrt(int[] shape, long blocksize) {
        for (DataType t : List.of(DataType.FLOAT32, DataType.FLOAT64)) {
            OpCheck.assertMatchesOrt(model(t, 13, shape, blocksize), t);
        }
        for (DataType t : List.of(DataType.UINT8, DataType.INT8, DataType.INT16, DataType.INT32, DataType.INT64, DataType.BOOL)) {
            IndexCheck.assertMatchesOrtThroughFloat(dt -> model(dt, 13, shape, blocksize), t, java.util.Map.of("x", shape), 5);
        }
        OpCheck.assertMatchesOrt(model(DataType.FLOAT32, 1, shape, blocksize), DataType.FLOAT32);
    }

    @Test
    void rejectsSizeNotDividing() {
        OpCheck.assertRejected(model(DataType.FLOAT32, 13, new int[]{1, 2, 3, 4}, 2),
                InvalidModelException.class, "SpaceToDepth", "multiple of blocksize");
    }
}
