package dev.edgec.harness.ops;

import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.ir.DataType;
import dev.edgec.ir.InvalidModelException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SplitTest {
    /** A Split into {@code n} outputs; {@code split} goes in an attribute (opset < 13) or a constant input. */
    static byte[] model(DataType t, int opset, int[] shape, long axis, int n, long[] split, Long numOutputs) {
        OnnxBuilder b = new OnnxBuilder("split", opset);
        List<String> ins = new ArrayList<>(List.of(b.input("x", t, OpCheck.longs(shape))));
        List<Object> attrs = new ArrayList<>(List.of("axis", axis));
        if (split != null && opset >= 13) {
            ins.add(b.initializer("split", OpCheck.int64s(split)));
        } else if (split != null) {
            attrs.addAll(List.of("split", split));
        }
        if (numOutputs != null) {
            attrs.addAll(List.of("num_outputs", numOutputs));
        }
        List<String> outs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            outs.add("y" + i);
        }
        b.nodeWithOutputs("Split", ins, outs, attrs.toArray());
        outs.forEach(o -> b.output(o, t));
        return b.toBytes();
    }

    @Test
    void equalParts() {
        for (DataType t : OpCheck.MOVE_TYPES) {
            OpCheck.assertMatchesOrt(model(t, 13, new int[]{6, 4}, 0, 3, null, null), t);
            OpCheck.assertMatchesOrt(model(t, 11, new int[]{2, 6, 2}, -2, 2, null, null), t);
        }
    }

    @Test
    void givenSizes() {
        OpCheck.assertMatchesOrt(model(DataType.FLOAT32, 13, new int[]{2, 7}, 1, 3, new long[]{2, 0, 5}, null), DataType.FLOAT32);
        OpCheck.assertMatchesOrt(model(DataType.INT64, 11, new int[]{7, 3}, 0, 2, new long[]{3, 4}, null), DataType.INT64);
        OpCheck.assertMatchesOrt(model(DataType.UINT8, 2, new int[]{5}, 0, 2, new long[]{1, 4}, null), DataType.UINT8);
    }

    @Test
    void numOutputsWithUnevenLastChunk() {
        OpCheck.assertMatchesOrt(model(DataType.FLOAT32, 18, new int[]{3, 7}, 1, 3, null, 3L), DataType.FLOAT32);
        OpCheck.assertMatchesOrt(model(DataType.INT32, 18, new int[]{5, 2}, 0, 2, null, 2L), DataType.INT32);
    }

    @Test
    void rejectsSizesNotAddingUp() {
        OpCheck.assertRejected(model(DataType.FLOAT32, 13, new int[]{6}, 0, 2, new long[]{2, 3}, null),
                InvalidModelException.class, "Split", "does not cut");
    }
}
