package dev.edgec.harness.ops;

import dev.edgec.ir.DataType;
import dev.edgec.ir.InvalidModelException;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shared test of Max, Min, Sum and Mean against ONNX Runtime: one to four inputs with
 * broadcasting over the types each supports, NaN inputs, and the broadcast error.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class VariadicOpTest {
    private static final List<List<int[]>> SHAPES = List.of(
            List.of(new int[]{2, 3}),
            List.of(new int[]{2, 3}, new int[]{2, 3}),
            List.of(new int[]{2, 3, 4}, new int[]{4}, new int[]{3, 1}),
            List.of(new int[]{}, new int[]{5, 1}, new int[]{1, 6}, new int[]{5, 6}),
            List.of(new int[]{1, 3, 1}, new int[]{2, 1, 5}));

    final String op;
    private final List<DataType> types;

    VariadicOpTest(String op, List<DataType> types) {
        this.op = op;
        this.types = types;
    }

    Stream<Arguments> cases() {
        return types.stream().flatMap(t -> SHAPES.stream().map(s -> Arguments.of(t, s)));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesOrt(DataType t, List<int[]> shapes) {
        List<DataType> inputTypes = Collections.nCopies(shapes.size(), t);
        byte[] model = OpCheck.model(op, 13, inputTypes, shapes, t);
        OpCheck.assertMatchesOrt(model, OpCheck.randomInputs(inputTypes, shapes, 9, -10, 10), t);
    }

    @Test
    void nanInputs() {
        List<int[]> shapes = List.of(new int[]{4}, new int[]{4});
        byte[] model = OpCheck.model(op, 13, List.of(DataType.FLOAT32, DataType.FLOAT32), shapes, DataType.FLOAT32);
        Tensor a = Tensor.ofFloats(Shape.of(4), Float.NaN, 1f, Float.NaN, -2f);
        Tensor b = Tensor.ofFloats(Shape.of(4), 0f, Float.NaN, Float.NaN, 3f);
        OpCheck.assertMatchesOrt(model, Map.of("x0", a, "x1", b), DataType.FLOAT32);
    }

    @Test
    void rejectsShapesThatDoNotBroadcast() {
        byte[] model = OpCheck.model(op, 13, List.of(DataType.FLOAT32, DataType.FLOAT32),
                List.of(new int[]{2, 3}, new int[]{4}), DataType.FLOAT32);
        OpCheck.assertRejected(model, InvalidModelException.class, op, "do not broadcast");
    }

    /** Max and Min also take float16, computed in float32 and rounded back. */
    abstract static class Extremum extends VariadicOpTest {
        Extremum(String op) {
            super(op, List.of(DataType.FLOAT32, DataType.FLOAT64, DataType.INT32, DataType.INT64));
        }

        @Test
        void float16InComputesInFloat32() {
            List<int[]> shapes = List.of(new int[]{2, 3}, new int[]{3});
            List<DataType> types = List.of(DataType.FLOAT16, DataType.FLOAT16);
            byte[] model = OpCheck.model(op, 13, types, shapes, DataType.FLOAT16);
            OpCheck.assertMatchesOrt(model, OpCheck.randomInputs(types, shapes, 9, -10, 10), DataType.FLOAT16);
        }
    }
}
