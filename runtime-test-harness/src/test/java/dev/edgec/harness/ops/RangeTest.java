package dev.edgec.harness.ops;

import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.ir.DataType;
import dev.edgec.ir.InvalidModelException;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.UnsupportedModelException;
import java.util.List;
import org.junit.jupiter.api.Test;

class RangeTest {
    /** Range over constants: the module's output is the constant edgec computes at compile time. */
    static byte[] model(DataType t, double start, double limit, double delta) {
        OnnxBuilder b = new OnnxBuilder("range", 11);
        String s = b.initializer("start", Tensor.ofDoubles(t, Shape.scalar(), start));
        String l = b.initializer("limit", Tensor.ofDoubles(t, Shape.scalar(), limit));
        String d = b.initializer("delta", Tensor.ofDoubles(t, Shape.scalar(), delta));
        b.output(b.node("Range", List.of(s, l, d)), t);
        return b.toBytes();
    }

    @Test
    void matchesOrt() {
        double[][] cases = {{0, 5, 1}, {1, 10, 3}, {10, 4, -2}, {-3, 3, 0.5}, {2, 2, 1}};
        for (DataType t : List.of(DataType.FLOAT32, DataType.FLOAT64, DataType.INT32, DataType.INT64)) {
            for (double[] c : cases) {
                if (!t.isFloating() && c[2] != Math.rint(c[2])) {
                    continue;
                }
                OpCheck.assertMatchesOrt(model(t, c[0], c[1], c[2]), t);
            }
        }
    }

    @Test
    void rejectsRunTimeLimit() {
        OnnxBuilder b = new OnnxBuilder("range", 11);
        String s = b.initializer("start", Tensor.ofLongs(DataType.INT64, Shape.scalar(), 0));
        String l = b.input("limit", DataType.INT64);
        String d = b.initializer("delta", Tensor.ofLongs(DataType.INT64, Shape.scalar(), 1));
        b.output(b.node("Range", List.of(s, l, d)), DataType.INT64);
        OpCheck.assertRejected(b.toBytes(), UnsupportedModelException.class, "Range", "must be a constant");
    }

    @Test
    void rejectsZeroDelta() {
        OpCheck.assertRejected(model(DataType.INT32, 0, 3, 0), InvalidModelException.class, "Range", "delta is 0");
    }
}
