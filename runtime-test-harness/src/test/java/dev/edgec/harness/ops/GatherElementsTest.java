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

class GatherElementsTest {
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(new int[]{3, 4}, 0L, new int[]{2, 4}),
                Arguments.of(new int[]{3, 4}, 1L, new int[]{3, 6}),
                Arguments.of(new int[]{2, 3, 4}, -1L, new int[]{2, 2, 3}),
                Arguments.of(new int[]{5}, 0L, new int[]{7}));
    }

    static byte[] model(DataType t, DataType it, int[] data, int[] idx, long axis) {
        OnnxBuilder b = new OnnxBuilder("gather_elements", 13);
        String x = b.input("x", t, OpCheck.longs(data));
        String i = b.input("i", it, OpCheck.longs(idx));
        b.output(b.node("GatherElements", List.of(x, i), "axis", axis), t);
        return b.toBytes();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesOrt(int[] data, long axis, int[] idx) {
        Random rnd = new Random(5);
        int dim = data[(int) (axis < 0 ? axis + data.length : axis)];
        for (DataType t : OpCheck.MOVE_TYPES) {
            DataType it = t == DataType.INT8 ? DataType.INT32 : DataType.INT64;
            Map<String, Tensor> in = new LinkedHashMap<>();
            in.put("x", OpCheck.random(t, data, rnd, -5, 5));
            in.put("i", IndexCheck.indices(it, idx, dim, true, rnd));
            OpCheck.assertMatchesOrt(model(t, it, data, idx, axis), in, t);
        }
    }

    @Test
    void outOfRangeIndexFailsTheRun() {
        Random rnd = new Random(1);
        IndexCheck.assertIndexError(model(DataType.INT32, DataType.INT32, new int[]{2, 2}, new int[]{2, 2}, 1),
                Map.of("x", OpCheck.random(DataType.INT32, new int[]{2, 2}, rnd, 0, 1),
                        "i", Tensor.ofLongs(DataType.INT32, dev.edgec.ir.Shape.of(2, 2), 0, 1, 2, 0)));
    }

    @Test
    void rejectsRankMismatch() {
        OpCheck.assertRejected(model(DataType.FLOAT32, DataType.INT64, new int[]{4, 3}, new int[]{2}, 0),
                InvalidModelException.class, "GatherElements", "rank");
    }
}
