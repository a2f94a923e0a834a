package dev.edgec.harness.ops;

import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.ir.DataType;
import dev.edgec.ir.InvalidModelException;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScatterNDTest {
    static int[] updatesShape(int[] data, int[] idx) {
        int q = idx[idx.length - 1];
        int[] u = new int[idx.length - 1 + data.length - q];
        System.arraycopy(idx, 0, u, 0, idx.length - 1);
        System.arraycopy(data, q, u, idx.length - 1, data.length - q);
        return u;
    }

    static byte[] model(int opset, DataType t, int[] data, int[] idx, String reduction) {
        OnnxBuilder b = new OnnxBuilder("scatter_nd", opset);
        String x = b.input("x", t, OpCheck.longs(data));
        String i = b.input("i", DataType.INT64, OpCheck.longs(idx));
        String u = b.input("u", t, OpCheck.longs(updatesShape(data, idx)));
        List<Object> attrs = new ArrayList<>();
        if (reduction != null) {
            attrs.addAll(List.of("reduction", reduction));
        }
        b.output(b.node("ScatterND", List.of(x, i, u), attrs.toArray()), t);
        return b.toBytes();
    }

    /** Distinct index tuples (ScatterND without reduction leaves duplicates undefined), some negative. */
    static Map<String, Tensor> inputs(DataType t, int[] data, int[] idx, Random rnd) {
        int q = idx[idx.length - 1];
        int n = Shape.of(idx).elementCount() / q;
        int[] lead = Arrays.copyOf(data, q);
        List<Integer> flat = new ArrayList<>();
        for (int f = 0; f < Shape.of(lead).elementCount(); f++) {
            flat.add(f);
        }
        java.util.Collections.shuffle(flat, rnd);
        long[] v = new long[n * q];
        for (int j = 0; j < n; j++) {
            int f = flat.get(j);
            for (int d = q - 1; d >= 0; d--) {
                v[j * q + d] = f % lead[d] - (rnd.nextBoolean() ? lead[d] : 0);
                f /= lead[d];
            }
        }
        Map<String, Tensor> in = new LinkedHashMap<>();
        in.put("x", OpCheck.random(t, data, rnd, -3, 3));
        in.put("i", Tensor.ofLongs(DataType.INT64, Shape.of(idx), v));
        in.put("u", OpCheck.random(t, updatesShape(data, idx), rnd, -3, 3));
        return in;
    }

    @Test
    void replacesForEveryType() {
        Random rnd = new Random(21);
        int[][][] shapes = {{{4, 3}, {2, 1}}, {{4, 3}, {3, 2}}, {{2, 3, 4}, {2, 2, 2}}, {{2, 3, 4}, {1, 3}}};
        for (DataType t : OpCheck.MOVE_TYPES) {
            for (int[][] s : shapes) {
                OpCheck.assertMatchesOrt(model(13, t, s[0], s[1], null), inputs(t, s[0], s[1], rnd), t);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"add", "mul", "min", "max"})
    void reductions(String reduction) {
        Random rnd = new Random(23);
        for (DataType t : List.of(DataType.FLOAT32, DataType.FLOAT64, DataType.INT32, DataType.INT64)) {
            OpCheck.assertMatchesOrt(model(18, t, new int[]{4, 3}, new int[]{3, 1}, reduction),
                    inputs(t, new int[]{4, 3}, new int[]{3, 1}, rnd), t);
        }
    }

    @Test
    void outOfRangeIndexFailsTheRun() {
        Map<String, Tensor> in = inputs(DataType.FLOAT32, new int[]{4, 3}, new int[]{2, 2}, new Random(1));
        in.put("i", Tensor.ofLongs(DataType.INT64, Shape.of(2, 2), 0, 0, 1, 3));
        IndexCheck.assertIndexError(model(13, DataType.FLOAT32, new int[]{4, 3}, new int[]{2, 2}, null), in);
    }

    @Test
    void rejectsWrongUpdatesShape() {
        OnnxBuilder b = new OnnxBuilder("scatter_nd", 13);
        String x = b.input("x", DataType.FLOAT32, 4, 3);
        String i = b.input("i", DataType.INT64, 2, 1);
        String u = b.input("u", DataType.FLOAT32, 2, 4);
        b.output(b.node("ScatterND", List.of(x, i, u)), DataType.FLOAT32);
        OpCheck.assertRejected(b.toBytes(), InvalidModelException.class, "ScatterND", "updates");
    }
}
