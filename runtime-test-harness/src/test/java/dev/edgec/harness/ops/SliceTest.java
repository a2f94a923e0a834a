package dev.edgec.harness.ops;

import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.ir.DataType;
import dev.edgec.ir.InvalidModelException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SliceTest {
    private static final long MAX = Long.MAX_VALUE;

    /** shape, starts, ends, axes (or null), steps (or null). */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(new int[]{5, 6}, new long[]{1, 2}, new long[]{4, 5}, null, null),
                Arguments.of(new int[]{5, 6}, new long[]{0}, new long[]{MAX}, new long[]{1}, new long[]{2}),
                Arguments.of(new int[]{5, 6}, new long[]{-1}, new long[]{-MAX}, new long[]{0}, new long[]{-1}),
                Arguments.of(new int[]{4, 5, 6}, new long[]{20, -2}, new long[]{1, 1}, new long[]{-1, 1}, new long[]{-3, -1}),
                Arguments.of(new int[]{4, 5}, new long[]{-10, 7}, new long[]{10, 9}, new long[]{0, 1}, null),
                Arguments.of(new int[]{3, 4, 5}, new long[]{1, 0, 4}, new long[]{2, 4, 0}, new long[]{0, 1, 2}, new long[]{1, 3, -2}),
                Arguments.of(new int[]{7}, new long[]{2}, new long[]{2}, null, null),
                Arguments.of(new int[]{3, 5}, new long[]{1, -1}, new long[]{MAX, Long.MIN_VALUE}, new long[]{0, 1},
                        new long[]{MAX, -MAX}));
    }

    static byte[] model(DataType t, int[] shape, long[] starts, long[] ends, long[] axes, long[] steps, int opset) {
        OnnxBuilder b = new OnnxBuilder("slice", opset);
        String x = b.input("x", t, OpCheck.longs(shape));
        if (opset < 10) {
            List<Object> attrs = new ArrayList<>(List.of("starts", starts, "ends", ends));
            if (axes != null) {
                attrs.addAll(List.of("axes", axes));
            }
            b.output(b.node("Slice", List.of(x), attrs.toArray()), t);
            return b.toBytes();
        }
        List<String> ins = new ArrayList<>(List.of(x, b.initializer("starts", OpCheck.int64s(starts)),
                b.initializer("ends", OpCheck.int64s(ends))));
        if (axes != null || steps != null) {
            ins.add(axes == null ? "" : b.initializer("axes", OpCheck.int64s(axes)));
        }
        if (steps != null) {
            ins.add(b.initializer("steps", OpCheck.int64s(steps)));
        }
        b.output(b.node("Slice", ins), t);
        return b.toBytes();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesOrt(int[] shape, long[] starts, long[] ends, long[] axes, long[] steps) {
        for (DataType t : OpCheck.MOVE_TYPES) {
            OpCheck.assertMatchesOrt(model(t, shape, starts, ends, axes, steps, 13), t);
        }
    }

    @Test
    void attributesBeforeOpset10() {
        OpCheck.assertMatchesOrt(model(DataType.FLOAT32, new int[]{4, 6}, new long[]{1, -4}, new long[]{MAX, -1},
                new long[]{0, 1}, null, 1), DataType.FLOAT32);
        OpCheck.assertMatchesOrt(model(DataType.INT64, new int[]{4, 6}, new long[]{-3}, new long[]{3}, null, null, 9),
                DataType.INT64);
    }

    @Test
    void rejectsZeroStep() {
        OpCheck.assertRejected(model(DataType.FLOAT32, new int[]{4}, new long[]{0}, new long[]{4}, new long[]{0},
                new long[]{0}, 13), InvalidModelException.class, "Slice", "step 0");
    }
}
