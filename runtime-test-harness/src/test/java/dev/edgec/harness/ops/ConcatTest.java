package dev.edgec.harness.ops;

import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.ir.DataType;
import dev.edgec.ir.InvalidModelException;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConcatTest {
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(4, 0L, List.of(new int[]{2, 3}, new int[]{4, 3})),
                Arguments.of(4, 1L, List.of(new int[]{2, 3}, new int[]{2, 1}, new int[]{2, 5})),
                Arguments.of(11, -1L, List.of(new int[]{2, 3, 4}, new int[]{2, 3, 2})),
                Arguments.of(13, 1L, List.of(new int[]{1, 3, 4, 4}, new int[]{1, 5, 4, 4}, new int[]{1, 0, 4, 4})),
                Arguments.of(13, 0L, List.of(new int[]{7})),
                Arguments.of(21, -3L, List.of(new int[]{2, 2, 2}, new int[]{3, 2, 2}, new int[]{1, 2, 2}, new int[]{2, 2, 2})));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesOrt(int opset, long axis, List<int[]> shapes) {
        for (DataType t : OpCheck.MOVE_TYPES) {
            OnnxBuilder b = new OnnxBuilder("concat", opset);
            List<String> ins = new ArrayList<>();
            for (int i = 0; i < shapes.size(); i++) {
                ins.add(b.input("x" + i, t, OpCheck.longs(shapes.get(i))));
            }
            b.output(b.node("Concat", ins, "axis", axis), t);
            OpCheck.assertMatchesOrt(b.toBytes(), t);
        }
    }

    @Test
    void randomShapes() {
        java.util.Random rnd = new java.util.Random(7);
        for (int trial = 0; trial < 20; trial++) {
            int rank = 1 + rnd.nextInt(4);
            int axis = rnd.nextInt(rank);
            int[] base = new int[rank];
            for (int d = 0; d < rank; d++) {
                base[d] = 1 + rnd.nextInt(4);
            }
            DataType t = OpCheck.MOVE_TYPES.get(rnd.nextInt(OpCheck.MOVE_TYPES.size()));
            OnnxBuilder b = new OnnxBuilder("concat", 13);
            List<String> ins = new ArrayList<>();
            int n = 1 + rnd.nextInt(4);
            for (int i = 0; i < n; i++) {
                int[] s = base.clone();
                s[axis] = rnd.nextInt(4);
                ins.add(b.input("x" + i, t, OpCheck.longs(s)));
            }
            b.output(b.node("Concat", ins, "axis", (long) axis - (rnd.nextBoolean() ? rank : 0)), t);
            OpCheck.assertMatchesOrt(b.toBytes(), t);
        }
    }

    @Test
    void acceptsConstantInputs() {
        OnnxBuilder b = new OnnxBuilder("concat", 13);
        String x = b.input("x", DataType.FLOAT32, 2, 3);
        String w = b.initializer("w", Tensor.ofFloats(Shape.of(2, 1), 5f, 6f));
        b.output(b.node("Concat", List.of(w, x, w), "axis", 1L), DataType.FLOAT32);
        OpCheck.assertMatchesOrt(b.toBytes(), DataType.FLOAT32);
    }

    @Test
    void rejectsShapeMismatch() {
        OnnxBuilder b = new OnnxBuilder("concat", 13);
        String x = b.input("x", DataType.FLOAT32, 2, 3);
        String z = b.input("z", DataType.FLOAT32, 3, 3);
        b.output(b.node("Concat", List.of(x, z), "axis", 1L), DataType.FLOAT32);
        OpCheck.assertRejected(b.toBytes(), InvalidModelException.class, "Concat", "differs");
    }

    @Test
    void rejectsAxisOutOfRange() {
        OnnxBuilder b = new OnnxBuilder("concat", 13);
        String x = b.input("x", DataType.FLOAT32, 2, 3);
        b.output(b.node("Concat", List.of(x, x), "axis", 2L), DataType.FLOAT32);
        OpCheck.assertRejected(b.toBytes(), InvalidModelException.class, "Concat", "out of range");
    }
}
