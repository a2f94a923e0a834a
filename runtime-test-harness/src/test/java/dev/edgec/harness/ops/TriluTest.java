package dev.edgec.harness.ops;

import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.ir.DataType;
import dev.edgec.ir.InvalidModelException;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TriluTest {
    static byte[] model(DataType t, int[] shape, long upper, Long k) {
        OnnxBuilder b = new OnnxBuilder("trilu", 14);
        List<String> ins = new ArrayList<>(List.of(b.input("x", t, OpCheck.longs(shape))));
        if (k != null) {
            ins.add(b.initializer("k", Tensor.ofLongs(DataType.INT64, Shape.scalar(), k)));
        }
        b.output(b.node("Trilu", ins, "upper", upper), t);
        return b.toBytes();
    }

    @Test
    void matchesOrt() {
        int[][] shapes = {{4, 5}, {5, 3}, {2, 3, 3}, {1, 4}, {3, 0}};
        Long[] ks = {null, 0L, 1L, -2L, 7L, -9L};
        for (DataType t : List.of(DataType.FLOAT32, DataType.FLOAT64, DataType.INT64)) {
            for (int[] s : shapes) {
                for (Long k : ks) {
                    OpCheck.assertMatchesOrt(model(t, s, 1, k), t);
                    OpCheck.assertMatchesOrt(model(t, s, 0, k), t);
                }
            }
        }
    }

    @Test
    void otherTypesThroughFloat() {
        for (DataType t : List.of(DataType.UINT8, DataType.INT8, DataType.INT16, DataType.INT32, DataType.BOOL)) {
            IndexCheck.assertMatchesOrtThroughFloat(dt -> model(dt, new int[]{3, 4}, 1, -1L), t, Map.of("x", new int[]{3, 4}), 3);
            IndexCheck.assertMatchesOrtThroughFloat(dt -> model(dt, new int[]{2, 4, 3}, 0, 1L), t, Map.of("x", new int[]{2, 4, 3}), 4);
        }
    }

    @Test
    void rejectsVector() {
        OpCheck.assertRejected(model(DataType.FLOAT32, new int[]{4}, 1, null), InvalidModelException.class, "Trilu", "rank");
    }
}
