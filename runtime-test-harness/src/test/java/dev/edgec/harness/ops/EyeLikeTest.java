package dev.edgec.harness.ops;

import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.core.onnx.OnnxDataTypes;
import dev.edgec.ir.DataType;
import dev.edgec.ir.InvalidModelException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EyeLikeTest {
    static byte[] model(DataType in, DataType out, int[] shape, long k) {
        OnnxBuilder b = new OnnxBuilder("eyelike", 9);
        String x = b.input("x", in, OpCheck.longs(shape));
        List<Object> attrs = new ArrayList<>(List.of("k", k));
        if (out != null) {
            attrs.addAll(List.of("dtype", (long) OnnxDataTypes.toOnnx(out)));
        }
        b.output(b.node("EyeLike", List.of(x), attrs.toArray()), out == null ? in : out);
        return b.toBytes();
    }

    @Test
    void matchesOrt() {
        int[][] shapes = {{3, 3}, {3, 5}, {5, 2}, {1, 1}};
        for (DataType t : List.of(DataType.FLOAT32, DataType.FLOAT64, DataType.INT32, DataType.INT64)) {
            for (int[] s : shapes) {
                for (long k = -6; k <= 6; k += 2) {
                    OpCheck.assertMatchesOrt(model(t, null, s, k), t);
                }
                OpCheck.assertMatchesOrt(model(DataType.FLOAT32, t, s, 1), t);
            }
        }
    }

    @Test
    void rejectsVector() {
        OpCheck.assertRejected(model(DataType.FLOAT32, null, new int[]{4}, 0), InvalidModelException.class, "EyeLike", "2-D");
    }
}
