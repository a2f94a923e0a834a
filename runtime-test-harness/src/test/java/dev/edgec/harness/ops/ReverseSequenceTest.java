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
import org.junit.jupiter.api.Test;

class ReverseSequenceTest {
    static byte[] model(DataType t, int[] shape, long batchAxis, long timeAxis) {
        OnnxBuilder b = new OnnxBuilder("reverse_sequence", 10);
        String x = b.input("x", t, OpCheck.longs(shape));
        String lens = b.input("lens", DataType.INT64, shape[(int) batchAxis]);
        b.output(b.node("ReverseSequence", List.of(x, lens), "batch_axis", batchAxis, "time_axis", timeAxis), t);
        return b.toBytes();
    }

    static Map<String, Tensor> inputs(DataType t, int[] shape, int batchAxis, Random rnd) {
        long[] lens = new long[shape[batchAxis]];
        for (int i = 0; i < lens.length; i++) {
            // from 1: ONNX Runtime leaves the steps of a length-0 sequence zero where the spec copies them
            lens[i] = 1 + rnd.nextInt(shape[1 - batchAxis]);
        }
        Map<String, Tensor> in = new LinkedHashMap<>();
        in.put("x", OpCheck.random(t, shape, rnd, -5, 5));
        in.put("lens", Tensor.ofLongs(DataType.INT64, Shape.of(lens.length), lens));
        return in;
    }

    @Test
    void matchesOrt() {
        Random rnd = new Random(41);
        int[][] shapes = {{4, 3}, {5, 2, 3}, {3, 4, 2, 2}};
        for (DataType t : OpCheck.MOVE_TYPES) {
            for (int[] s : shapes) {
                OpCheck.assertMatchesOrt(model(t, s, 1, 0), inputs(t, s, 1, rnd), t);
                OpCheck.assertMatchesOrt(model(t, s, 0, 1), inputs(t, s, 0, rnd), t);
            }
        }
    }

    @Test
    void lengthOutOfRangeFailsTheRun() {
        for (long bad : new long[]{5, -1}) {
            Map<String, Tensor> in = inputs(DataType.FLOAT32, new int[]{4, 3}, 1, new Random(1));
            in.put("lens", Tensor.ofLongs(DataType.INT64, Shape.of(3), 1, bad, 2));
            IndexCheck.assertIndexError(model(DataType.FLOAT32, new int[]{4, 3}, 1, 0), in);
        }
    }

    @Test
    void rejectsEqualAxes() {
        OpCheck.assertRejected(model(DataType.FLOAT32, new int[]{4, 3}, 0, 0), InvalidModelException.class,
                "ReverseSequence", "batch_axis");
    }
}
