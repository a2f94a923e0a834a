package dev.edgec.harness.ops;

import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.ir.DataType;
import dev.edgec.ir.InvalidModelException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TransposeTest {
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(new int[]{3, 4}, null),
                Arguments.of(new int[]{2, 3, 4}, null),
                Arguments.of(new int[]{2, 3, 4}, new long[]{0, 2, 1}),
                Arguments.of(new int[]{2, 3, 4}, new long[]{1, 0, 2}),
                Arguments.of(new int[]{2, 3, 4, 5}, new long[]{0, 2, 3, 1}),
                Arguments.of(new int[]{2, 3, 4, 5}, new long[]{0, 3, 1, 2}),
                Arguments.of(new int[]{2, 3, 4, 5}, new long[]{2, 3, 0, 1}),
                Arguments.of(new int[]{1, 3, 1, 5}, new long[]{3, 2, 1, 0}),
                Arguments.of(new int[]{2, 0, 3}, new long[]{2, 1, 0}),
                Arguments.of(new int[]{7}, new long[]{0}),
                Arguments.of(new int[]{}, null),
                Arguments.of(new int[]{2, 3, 2, 3, 2}, new long[]{4, 0, 3, 1, 2}));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesOrt(int[] in, long[] perm) {
        for (DataType t : OpCheck.MOVE_TYPES) {
            OnnxBuilder b = new OnnxBuilder("transpose", 13);
            String x = b.input("x", t, OpCheck.longs(in));
            String y = perm == null ? b.node("Transpose", List.of(x)) : b.node("Transpose", List.of(x), "perm", perm);
            b.output(y, t);
            OpCheck.assertMatchesOrt(b.toBytes(), t);
        }
    }

    @Test
    void randomShapesAndPermutations() {
        java.util.Random rnd = new java.util.Random(1234);
        for (int trial = 0; trial < 25; trial++) {
            int rank = 1 + rnd.nextInt(5);
            long[] dims = new long[rank];
            List<Long> perm = new java.util.ArrayList<>();
            for (int d = 0; d < rank; d++) {
                dims[d] = 1 + rnd.nextInt(4);
                perm.add((long) d);
            }
            java.util.Collections.shuffle(perm, rnd);
            DataType t = OpCheck.MOVE_TYPES.get(rnd.nextInt(OpCheck.MOVE_TYPES.size()));
            OnnxBuilder b = new OnnxBuilder("transpose", 13);
            String x = b.input("x", t, dims);
            b.output(b.node("Transpose", List.of(x), "perm", perm.stream().mapToLong(Long::longValue).toArray()), t);
            OpCheck.assertMatchesOrt(b.toBytes(), t);
        }
    }

    private static byte[] model(long[] perm) {
        OnnxBuilder b = new OnnxBuilder("transpose", 13);
        String x = b.input("x", DataType.FLOAT32, 2, 3, 4);
        b.output(b.node("Transpose", List.of(x), "perm", perm), DataType.FLOAT32);
        return b.toBytes();
    }

    @Test
    void rejectsBadPerm() {
        OpCheck.assertRejected(model(new long[]{0, 1}), InvalidModelException.class, "Transpose", "rank");
        OpCheck.assertRejected(model(new long[]{0, 1, 1}), InvalidModelException.class, "Transpose", "not a permutation");
        OpCheck.assertRejected(model(new long[]{0, 1, 3}), InvalidModelException.class, "Transpose", "not a permutation");
    }
}
