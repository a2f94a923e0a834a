package dev.edgec.harness.ops;

import dev.edgec.ir.DataType;
import dev.edgec.ir.InvalidModelException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Equal against ONNX Runtime: bool output with broadcasting; inputs hold small whole numbers so that ties occur. */
class EqualTest {
    private static final List<DataType> TYPES = List.of(DataType.FLOAT32, DataType.FLOAT64, DataType.INT32, DataType.INT64, DataType.BOOL);

    static Stream<Arguments> cases() {
        return TYPES.stream().flatMap(t -> OpCheck.BROADCAST_SHAPES.stream().map(s -> Arguments.of(t, s[0], s[1])));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesOrt(DataType t, int[] a, int[] b) {
        byte[] model = OpCheck.binary("Equal", 13, t, DataType.BOOL, a, b);
        OpCheck.assertMatchesOrt(model, OpCheck.smallIntegerInputs(List.of(t, t), List.of(a, b), 11), DataType.BOOL);
    }

    @Test
    void rejectsShapesThatDoNotBroadcast() {
        byte[] model = OpCheck.binary("Equal", 13, DataType.FLOAT32, DataType.BOOL, new int[]{2, 3}, new int[]{4});
        OpCheck.assertRejected(model, InvalidModelException.class, "Equal", "do not broadcast");
    }
}
