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

class OneHotTest {
    static byte[] model(int opset, DataType it, DataType dt, DataType vt, int[] idx, double depth, long axis) {
        OnnxBuilder b = new OnnxBuilder("onehot", opset);
        String i = b.input("i", it, OpCheck.longs(idx));
        String d = b.initializer("depth", Tensor.ofDoubles(dt, Shape.of(1), depth));
        String v = b.input("v", vt, 2);
        b.output(b.node("OneHot", List.of(i, d, v), "axis", axis), vt);
        return b.toBytes();
    }

    /** Indices in [-depth - 2, depth + 2): negative ones count from the end, a few are out of range. */
    static Map<String, Tensor> inputs(DataType it, DataType vt, int[] idx, int depth, Random rnd) {
        Shape s = Shape.of(idx);
        double[] v = new double[s.elementCount()];
        for (int e = 0; e < v.length; e++) {
            v[e] = rnd.nextInt(2 * depth + 4) - depth - 2;
        }
        Map<String, Tensor> in = new LinkedHashMap<>();
        in.put("i", Tensor.ofDoubles(it, s, v));
        in.put("v", Tensor.ofDoubles(vt, Shape.of(2), rnd.nextInt(5) - 2, 7));
        return in;
    }

    @Test
    void matchesOrt() {
        Random rnd = new Random(31);
        // the (indices, depth, values) type combinations ONNX Runtime implements
        DataType[][] types = {
                {DataType.INT64, DataType.INT64, DataType.INT64}, {DataType.INT64, DataType.INT64, DataType.FLOAT32},
                {DataType.FLOAT32, DataType.FLOAT32, DataType.FLOAT32}, {DataType.INT32, DataType.FLOAT32, DataType.FLOAT32},
                {DataType.INT64, DataType.FLOAT32, DataType.FLOAT32}, {DataType.INT32, DataType.INT32, DataType.FLOAT32}};
        int[][] shapes = {{5}, {2, 3}, {2, 1, 3}};
        for (DataType[] t : types) {
            for (int[] s : shapes) {
                for (long axis = -s.length - 1; axis <= s.length; axis++) {
                    OpCheck.assertMatchesOrt(model(11, t[0], t[1], t[2], s, 4, axis), inputs(t[0], t[2], s, 4, rnd), t[2]);
                }
            }
        }
    }

    @Test
    void opset9() {
        OpCheck.assertMatchesOrt(model(9, DataType.INT64, DataType.INT64, DataType.FLOAT32, new int[]{3, 2}, 5, 1),
                inputs(DataType.INT64, DataType.FLOAT32, new int[]{3, 2}, 5, new Random(1)), DataType.FLOAT32);
    }

    @Test
    void rejectsBadValues() {
        OnnxBuilder b = new OnnxBuilder("onehot", 11);
        String i = b.input("i", DataType.INT64, 3);
        String d = b.initializer("depth", OpCheck.int64s(4));
        String v = b.input("v", DataType.FLOAT32, 3);
        b.output(b.node("OneHot", List.of(i, d, v)), DataType.FLOAT32);
        OpCheck.assertRejected(b.toBytes(), InvalidModelException.class, "OneHot", "two elements");
    }
}
