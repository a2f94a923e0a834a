package dev.edgec.harness.ops;

import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.ir.DataType;
import dev.edgec.ir.InvalidModelException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DepthToSpaceTest {
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(new int[]{1, 8, 2, 3}, 2L, "DCR"),
                Arguments.of(new int[]{2, 8, 2, 3}, 2L, "CRD"),
                Arguments.of(new int[]{1, 18, 1, 2}, 3L, "CRD"),
                Arguments.of(new int[]{1, 9, 2, 2}, 3L, "DCR"),
                Arguments.of(new int[]{2, 3, 2, 2}, 1L, "DCR"));
    }

    static byte[] model(DataType t, int opset, int[] shape, long blocksize, String mode) {
        OnnxBuilder b = new OnnxBuilder("depth_to_space", opset);
        String x = b.input("x", t, OpCheck.longs(shape));
        List<Object> attrs = new ArrayList<>(List.of("blocksize", blocksize));
        if (mode != null) {
            attrs.addAll(List.of("mode", mode));
        }
        b.output(b.node("DepthToSpace", List.of(x), attrs.toArray()), t);
        return b.toBytes();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesOrt(int[] shape, long blocksize, String mode) {
        for (DataType t : List.of(DataType.FLOAT32, DataType.FLOAT64)) {
            OpCheck.assertMatchesOrt(model(t, 13, shape, blocksize, mode), t);
        }
        for (DataType t : List.of(DataType.UINT8, DataType.INT8, DataType.INT16, DataType.INT32, DataType.INT64, DataType.BOOL)) {
            IndexCheck.assertMatchesOrtThroughFloat(dt -> model(dt, 13, shape, blocksize, mode), t, java.util.Map.of("x", shape), 5);
        }
    }

    @Test
    void dcrBeforeOpset11() {
        OpCheck.assertMatchesOrt(model(DataType.FLOAT32, 1, new int[]{1, 8, 3, 2}, 2, null), DataType.FLOAT32);
    }

    @Test
    void rejectsChannelsNotDividing() {
        OpCheck.assertRejected(model(DataType.FLOAT32, 13, new int[]{1, 6, 2, 2}, 2, "DCR"),
                InvalidModelException.class, "DepthToSpace", "channels");
    }
}
