package dev.edgec.harness.ops;

import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.ir.DataType;
import dev.edgec.ir.InvalidModelException;
import dev.edgec.ir.Shape;
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

class GatherNDTest {
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(new int[]{3, 4}, new int[]{5, 2}, 0L),
                Arguments.of(new int[]{3, 4, 2}, new int[]{2, 2, 1}, 0L),
                Arguments.of(new int[]{2, 3, 4}, new int[]{2, 3, 1}, 1L),
                Arguments.of(new int[]{2, 3, 4}, new int[]{2, 2}, 1L),
                Arguments.of(new int[]{2, 3, 4, 2}, new int[]{2, 3, 1}, 2L));
    }

    static byte[] model(DataType t, int[] data, int[] idx, long batchDims) {
        OnnxBuilder b = new OnnxBuilder("gather_nd", 13);
        String x = b.input("x", t, OpCheck.longs(data));
        String i = b.input("i", DataType.INT64, OpCheck.longs(idx));
        b.output(b.node("GatherND", List.of(x, i), "batch_dims", batchDims), t);
        return b.toBytes();
    }

    /** Index tuples valid for {@code data} after {@code batchDims}, some negative. */
    static Tensor tuples(int[] data, int[] idx, int batchDims, Random rnd) {
        Shape s = Shape.of(idx);
        int q = idx[idx.length - 1];
        long[] v = new long[s.elementCount()];
        for (int e = 0; e < v.length; e++) {
            int dim = data[batchDims + e % q];
            v[e] = rnd.nextInt(2 * dim) - dim;
        }
        return Tensor.ofLongs(DataType.INT64, s, v);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesOrt(int[] data, int[] idx, long batchDims) {
        Random rnd = new Random(9);
        for (DataType t : OpCheck.MOVE_TYPES) {
            Map<String, Tensor> in = new LinkedHashMap<>();
            in.put("x", OpCheck.random(t, data, rnd, -5, 5));
            in.put("i", tuples(data, idx, (int) batchDims, rnd));
            OpCheck.assertMatchesOrt(model(t, data, idx, batchDims), in, t);
        }
    }

    @Test
    void outOfRangeIndexFailsTheRun() {
        Random rnd = new Random(1);
        IndexCheck.assertIndexError(model(DataType.FLOAT32, new int[]{3, 4}, new int[]{2, 2}, 0),
                Map.of("x", OpCheck.random(DataType.FLOAT32, new int[]{3, 4}, rnd, 0, 1), "i", Tensor.ofLongs(DataType.INT64,
                        Shape.of(2, 2), 0, 1, 1, 4)));
    }

    @Test
    void rejectsTooLongTuples() {
        OpCheck.assertRejected(model(DataType.FLOAT32, new int[]{3, 4}, new int[]{2, 3}, 0),
                InvalidModelException.class, "GatherND", "tuples");
    }
}
