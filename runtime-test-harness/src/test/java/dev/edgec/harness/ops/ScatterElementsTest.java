package dev.edgec.harness.ops;

import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.ir.DataType;
import dev.edgec.ir.InvalidModelException;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ScatterElements and its deprecated alias Scatter. */
class ScatterElementsTest {
    static byte[] model(String op, int opset, DataType t, int[] data, int[] idx, long axis, String reduction) {
        OnnxBuilder b = new OnnxBuilder("scatter", opset);
        String x = b.input("x", t, OpCheck.longs(data));
        String i = b.input("i", DataType.INT64, OpCheck.longs(idx));
        String u = b.input("u", t, OpCheck.longs(idx));
        List<Object> attrs = new ArrayList<>(List.of("axis", axis));
        if (reduction != null) {
            attrs.addAll(List.of("reduction", reduction));
        }
        b.output(b.node(op, List.of(x, i, u), attrs.toArray()), t);
        return b.toBytes();
    }

    static Map<String, Tensor> inputs(DataType t, int[] data, int[] idx, long axis, Random rnd) {
        Map<String, Tensor> in = new LinkedHashMap<>();
        in.put("x", OpCheck.random(t, data, rnd, -3, 3));
        in.put("i", IndexCheck.indices(DataType.INT64, idx, data[(int) (axis < 0 ? axis + data.length : axis)], true, rnd));
        in.put("u", OpCheck.random(t, idx, rnd, -3, 3));
        return in;
    }

    @Test
    void overwritesForEveryType() {
        Random rnd = new Random(11);
        int[][][] shapes = {{{3, 4}, {2, 4}}, {{3, 4}, {3, 2}}, {{2, 3, 4}, {2, 3, 4}}, {{5}, {8}}};
        long[] axes = {0, 1, -1, 0};
        for (DataType t : OpCheck.MOVE_TYPES) {
            for (int c = 0; c < shapes.length; c++) {
                int[] data = shapes[c][0];
                int[] idx = shapes[c][1];
                OpCheck.assertMatchesOrt(model("ScatterElements", 13, t, data, idx, axes[c], null),
                        inputs(t, data, idx, axes[c], rnd), t);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "add", "mul", "min", "max"})
    void reductions(String reduction) {
        Random rnd = new Random(13);
        for (DataType t : List.of(DataType.FLOAT32, DataType.FLOAT64, DataType.INT32, DataType.INT64)) {
            OpCheck.assertMatchesOrt(model("ScatterElements", 18, t, new int[]{3, 4}, new int[]{5, 4}, 0, reduction),
                    inputs(t, new int[]{3, 4}, new int[]{5, 4}, 0, rnd), t);
        }
    }

    @Test
    void scatterAlias() {
        Random rnd = new Random(17);
        for (DataType t : List.of(DataType.FLOAT32, DataType.INT64, DataType.UINT8)) {
            OpCheck.assertMatchesOrt(model("Scatter", 9, t, new int[]{4, 3}, new int[]{2, 3}, 0, null),
                    inputs(t, new int[]{4, 3}, new int[]{2, 3}, 0, rnd), t);
        }
    }

    @Test
    void outOfRangeIndexFailsTheRun() {
        Random rnd = new Random(1);
        Map<String, Tensor> in = inputs(DataType.FLOAT32, new int[]{3}, new int[]{2}, 0, rnd);
        in.put("i", Tensor.ofLongs(DataType.INT64, Shape.of(2), 0, -4));
        IndexCheck.assertIndexError(model("ScatterElements", 13, DataType.FLOAT32, new int[]{3}, new int[]{2}, 0, null), in);
    }

    @Test
    void rejectsReductionBeforeItsOpset() {
        OpCheck.assertRejected(model("ScatterElements", 16, DataType.FLOAT32, new int[]{3}, new int[]{2}, 0, "max"),
                InvalidModelException.class, "ScatterElements", "reduction 'max'");
    }
}
