package dev.edgec.harness.ops;

import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.ir.DataType;
import dev.edgec.ir.InvalidModelException;
import dev.edgec.ir.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GatherTest {
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(new int[]{5, 4}, 0L, new int[]{3}),
                Arguments.of(new int[]{3, 5, 2}, 1L, new int[]{2, 2}),
                Arguments.of(new int[]{3, 4}, -1L, new int[]{}),
                Arguments.of(new int[]{6}, 0L, new int[]{2, 3}),
                Arguments.of(new int[]{2, 3, 4}, 2L, new int[]{0}));
    }

    static byte[] model(DataType t, DataType it, int[] data, int[] idx, long axis, int opset) {
        OnnxBuilder b = new OnnxBuilder("gather", opset);
        String x = b.input("x", t, OpCheck.longs(data));
        String i = b.input("i", it, OpCheck.longs(idx));
        b.output(b.node("Gather", List.of(x, i), "axis", axis), t);
        return b.toBytes();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesOrt(int[] data, long axis, int[] idx) {
        Random rnd = new Random(3);
        int dim = data[(int) (axis < 0 ? axis + data.length : axis)];
        for (DataType t : OpCheck.MOVE_TYPES) {
            DataType it = t == DataType.INT32 ? DataType.INT32 : DataType.INT64;
            Map<String, Tensor> in = new LinkedHashMap<>();
            in.put("x", OpCheck.random(t, data, rnd, -5, 5));
            in.put("i", IndexCheck.indices(it, idx, dim, true, rnd));
            OpCheck.assertMatchesOrt(model(t, it, data, idx, axis, 13), in, t);
        }
    }

    @Test
    void outOfRangeIndexFailsTheRun() {
        byte[] m = model(DataType.FLOAT32, DataType.INT64, new int[]{4, 3}, new int[]{2}, 0, 13);
        Random rnd = new Random(1);
        for (long bad : new long[]{4, -5, Long.MAX_VALUE, Long.MIN_VALUE}) {
            IndexCheck.assertIndexError(m, Map.of("x", OpCheck.random(DataType.FLOAT32, new int[]{4, 3}, rnd, 0, 1),
                    "i", OpCheck.int64s(1, bad)));
        }
    }

    @Test
    void rejectsBadAxis() {
        OpCheck.assertRejected(model(DataType.FLOAT32, DataType.INT64, new int[]{4, 3}, new int[]{2}, 2, 13),
                InvalidModelException.class, "Gather", "axis 2");
    }
}
