package dev.edgec.harness.ops;

import dev.edgec.ir.DataType;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Where against ONNX Runtime: three-way broadcasting over value types. */
class WhereTest {
    static Stream<Arguments> cases() {
        List<int[][]> shapes = List.of(new int[][]{{2, 3}, {2, 3}, {2, 3}}, new int[][]{{3, 1}, {4}, {}},
                new int[][]{{}, {2, 2}, {2, 1}}, new int[][]{{1, 4}, {3, 1}, {2, 1, 1}});
        return Stream.of(DataType.FLOAT32, DataType.FLOAT64, DataType.UINT8, DataType.INT32, DataType.INT64)
                .flatMap(t -> shapes.stream().map(s -> Arguments.of(t, s)));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesOrt(DataType t, int[][] s) {
        List<DataType> types = List.of(DataType.BOOL, t, t);
        List<int[]> shapes = List.of(s);
        byte[] model = OpCheck.model("Where", 16, types, shapes, t);
        OpCheck.assertMatchesOrt(model, OpCheck.randomInputs(types, shapes, 8, -5, 5), t);
    }
}
