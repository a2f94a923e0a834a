package dev.edgec.harness.ops;

import static org.junit.jupiter.api.Assertions.assertNull;

import dev.edgec.harness.ModelCheck;
import dev.edgec.harness.Tolerance;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Random MatMul shapes against ONNX Runtime: batch ranks 0-3 where each batch dimension of either
 * operand may be 1 (broadcast) or missing, and either operand may be a vector.
 */
class MatMulPropertyTest {
    @Property(tries = 20, seed = "42")
    void randomBroadcastShapesMatchOnnxRuntime(@ForAll @IntRange(min = 0, max = 3) int batchRank,
                                               @ForAll @IntRange(min = 1, max = 6) int m,
                                               @ForAll @IntRange(min = 1, max = 9) int k,
                                               @ForAll @IntRange(min = 1, max = 6) int n,
                                               @ForAll @IntRange(min = 0, max = 1 << 12) int pattern) {
        List<Long> a = new ArrayList<>();
        List<Long> b = new ArrayList<>();
        int bits = pattern;
        int aRank = batchRank - (bits & 1) * Math.min(batchRank, 1);
        bits >>= 1;
        for (int d = 0; d < batchRank; d++) {
            long size = 2 + (bits & 1);
            bits >>= 1;
            boolean aOne = (bits & 1) != 0;
            bits >>= 1;
            boolean bOne = !aOne && (bits & 1) != 0;
            bits >>= 1;
            if (d >= batchRank - aRank) {
                a.add(aOne ? 1 : size);
            }
            b.add(bOne ? 1 : size);
        }
        boolean aVector = (bits & 1) != 0 && a.isEmpty();
        bits >>= 1;
        boolean bVector = (bits & 1) != 0 && b.isEmpty();
        if (!aVector) {
            a.add((long) m);
        }
        a.add((long) k);
        b.add((long) k);
        if (!bVector) {
            b.add((long) n);
        }
        byte[] model = MatMulTest.model(13, a.stream().mapToLong(Long::longValue).toArray(),
                b.stream().mapToLong(Long::longValue).toArray());
        assertNull(ModelCheck.mismatchOnRandomInputs(model, pattern, Tolerance.ONNX_BACKEND), a + " x " + b);
    }
}
