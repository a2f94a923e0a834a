package dev.edgec.harness.ops;

import static dev.edgec.harness.ops.ConvTest.dims;

import dev.edgec.ir.DataType;
import dev.edgec.ir.InvalidModelException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Einsum against ONNX Runtime: matmul forms, transposes, sums, diagonals, traces, implicit outputs, ellipsis, types. */
class EinsumTest {

    static byte[] model(String equation, DataType t, int[]... shapes) {
        return OpCheck.model("Einsum", 12, new ArrayList<>(Collections.nCopies(shapes.length, t)), List.of(shapes), t,
                "equation", equation);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("ij,jk->ik", new int[][]{dims(3, 4), dims(4, 5)}),
                Arguments.of("bij,bjk->bik", new int[][]{dims(2, 3, 4), dims(2, 4, 2)}),
                Arguments.of("ii->i", new int[][]{dims(4, 4)}),
                Arguments.of("ii", new int[][]{dims(3, 3)}),
                Arguments.of("ij->ji", new int[][]{dims(3, 5)}),
                Arguments.of("ij->i", new int[][]{dims(3, 5)}),
                Arguments.of("ij->", new int[][]{dims(3, 5)}),
                Arguments.of("i,i", new int[][]{dims(6), dims(6)}),
                Arguments.of("i,j->ij", new int[][]{dims(3), dims(4)}),
                Arguments.of("bii->bi", new int[][]{dims(2, 3, 3)}),
                Arguments.of("ij,jk", new int[][]{dims(2, 3), dims(3, 2)}),
                Arguments.of("abc,cd,be->eda", new int[][]{dims(2, 3, 4), dims(4, 2), dims(3, 2)}),
                Arguments.of("...ii ->...i", new int[][]{dims(2, 3, 4, 4)}),
                Arguments.of("...ij,...jk->...ik", new int[][]{dims(2, 3, 4), dims(2, 4, 5)}),
                Arguments.of("...ij,...jk", new int[][]{dims(2, 1, 3, 4), dims(1, 3, 4, 2)}),
                Arguments.of("i...->...", new int[][]{dims(3, 2, 2)}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesOnnxRuntime(String equation, int[][] shapes) {
        OpCheck.assertMatchesOrt(model(equation, DataType.FLOAT32, shapes), DataType.FLOAT32);
    }

    @Test
    void integerAndDoubleTypes() {
        OpCheck.assertMatchesOrt(model("ij,jk->ik", DataType.INT64, dims(2, 3), dims(3, 2)), DataType.INT64);
        OpCheck.assertMatchesOrt(model("ij,jk->ik", DataType.INT32, dims(2, 3), dims(3, 2)), DataType.INT32);
        OpCheck.assertMatchesOrt(model("bij->bj", DataType.FLOAT64, dims(2, 3, 4)), DataType.FLOAT64);
    }

    @Test
    void rejectsBadEquationsAndMismatchedSizes() {
        PoolTesting.assertError(InvalidModelException.class, model("i.j->ij", DataType.FLOAT32, dims(2, 3)),
                "Einsum", "not a subscript letter");
        PoolTesting.assertError(InvalidModelException.class, model("...ij->ij", DataType.FLOAT32, dims(3)),
                "Einsum", "does not fit rank");
        PoolTesting.assertError(InvalidModelException.class, model("ij,jk->ik", DataType.FLOAT32, dims(2, 3), dims(4, 2)),
                "Einsum", "letter 'j'");
        PoolTesting.assertError(InvalidModelException.class, model("ij->ik", DataType.FLOAT32, dims(2, 3)),
                "Einsum", "output letter 'k'");
    }
}
