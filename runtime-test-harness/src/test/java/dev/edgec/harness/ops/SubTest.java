package dev.edgec.harness.ops;

import dev.edgec.ir.DataType;
import dev.edgec.ir.InvalidModelException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Sub against ONNX Runtime: numpy broadcasting, float and integer types (integers wrap). */
class SubTest {
    private static final List<DataType> TYPES = List.of(DataType.FLOAT32, DataType.FLOAT64, DataType.INT32, DataType.INT64);

    static Stream<Arguments> cases() {
        return TYPES.stream().flatMap(t -> OpCheck.BROADCAST_SHAPES.stream().map(s -> Arguments.of(t, s[0], s[1])));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesOrt(DataType t, int[] a, int[] b) {
        byte[] model = OpCheck.binary("Sub", 14, t, t, a, b);
        OpCheck.assertMatchesOrt(model, OpCheck.randomInputs(List.of(t, t), List.of(a, b), 7, -10, 10), t);
    }

    @Test
    void rejectsShapesThatDoNotBroadcast() {
        byte[] model = OpCheck.binary("Sub", 14, DataType.FLOAT32, DataType.FLOAT32, new int[]{2, 3}, new int[]{4});
        OpCheck.assertRejected(model, InvalidModelException.class, "Sub", "do not broadcast");
    }

    @Test
    void rejectsMixedTypes() {
        byte[] model = OpCheck.model("Sub", 14, List.of(DataType.FLOAT32, DataType.INT32), List.of(new int[]{2}, new int[]{2}),
                DataType.FLOAT32);
        OpCheck.assertRejected(model, InvalidModelException.class, "Sub", "different types");
    }

    /** Opset 6's broadcasting (checked on values by the conformance suite's opset-6 models, which ONNX Runtime no longer runs). */
    @Test
    void legacyBroadcastingNeedsTheFlagAndAMatchingRun() {
        OpCheck.assertRejected(OpCheck.binary("Sub", 6, DataType.FLOAT32, DataType.FLOAT32, new int[]{2, 3}, new int[]{3}),
                InvalidModelException.class, "Sub", "broadcast is 0");
        OpCheck.assertRejected(OpCheck.binary("Sub", 6, DataType.FLOAT32, DataType.FLOAT32, new int[]{2, 3, 4}, new int[]{3},
                "broadcast", 1L), InvalidModelException.class, "Sub", "does not match");
        OpCheck.assertRejected(OpCheck.binary("Sub", 6, DataType.FLOAT32, DataType.FLOAT32, new int[]{2, 3, 4}, new int[]{3, 4},
                "broadcast", 1L, "axis", 2L), InvalidModelException.class, "Sub", "does not fit");
    }
}
