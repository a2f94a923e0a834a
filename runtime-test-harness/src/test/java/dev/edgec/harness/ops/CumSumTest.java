package dev.edgec.harness.ops;

import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.ir.DataType;
import dev.edgec.ir.InvalidModelException;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class CumSumTest {
    static byte[] model(DataType t, int[] shape, long axis, long exclusive, long reverse) {
        OnnxBuilder b = new OnnxBuilder("cumsum", 14);
        String x = b.input("x", t, OpCheck.longs(shape));
        String a = b.initializer("axis", Tensor.ofLongs(DataType.INT64, Shape.scalar(), axis));
        b.output(b.node("CumSum", List.of(x, a), "exclusive", exclusive, "reverse", reverse), t);
        return b.toBytes();
    }

    @Test
    void matchesOrt() {
        int[][] shapes = {{7}, {3, 4}, {2, 3, 4}};
        for (DataType t : List.of(DataType.FLOAT32, DataType.FLOAT64, DataType.INT32, DataType.INT64)) {
            for (int[] s : shapes) {
                for (long axis = -s.length; axis < s.length; axis++) {
                    for (int flags = 0; flags < 4; flags++) {
                        OpCheck.assertMatchesOrt(model(t, s, axis, flags & 1, flags >> 1), t);
                    }
                }
            }
        }
    }

    @Test
    void rejectsBadAxis() {
        OpCheck.assertRejected(model(DataType.FLOAT32, new int[]{3, 4}, 2, 0, 0), InvalidModelException.class,
                "CumSum", "axis 2");
    }
}
