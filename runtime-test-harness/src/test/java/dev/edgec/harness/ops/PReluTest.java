package dev.edgec.harness.ops;

import dev.edgec.ir.DataType;
import dev.edgec.ir.InvalidModelException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** PRelu against ONNX Runtime: per-channel, scalar and full slopes. */
class PReluTest {
    static Stream<Arguments> cases() {
        List<int[][]> shapes = List.of(new int[][]{{2, 3, 4, 4}, {3, 1, 1}}, new int[][]{{2, 3}, {}},
                new int[][]{{2, 3}, {2, 3}}, new int[][]{{5, 7}, {7}});
        return Stream.of(DataType.FLOAT32, DataType.FLOAT64, DataType.INT32, DataType.INT64)
                .flatMap(t -> shapes.stream().map(s -> Arguments.of(t, s[0], s[1])));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesOrt(DataType t, int[] x, int[] slope) {
        byte[] model = OpCheck.binary("PRelu", 16, t, t, x, slope);
        OpCheck.assertMatchesOrt(model, OpCheck.randomInputs(List.of(t, t), List.of(x, slope), 4, -5, 5), t);
    }

    @Test
    void rejectsSlopeThatWidensX() {
        byte[] model = OpCheck.binary("PRelu", 16, DataType.FLOAT32, DataType.FLOAT32, new int[]{3}, new int[]{2, 3});
        OpCheck.assertRejected(model, InvalidModelException.class, "PRelu", "does not broadcast");
    }
}
