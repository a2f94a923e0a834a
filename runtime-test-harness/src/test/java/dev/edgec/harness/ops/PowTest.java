package dev.edgec.harness.ops;

import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.UnsupportedModelException;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Pow against ONNX Runtime: float and integer bases, float and integer exponents, broadcasting, signs. */
class PowTest {
    static Stream<Arguments> typePairs() {
        DataType f = DataType.FLOAT32;
        return Stream.of(Arguments.of(f, f, 13), Arguments.of(f, f, 7), Arguments.of(DataType.FLOAT64, DataType.FLOAT64, 13),
                Arguments.of(f, DataType.INT32, 13), Arguments.of(f, DataType.INT64, 13),
                Arguments.of(DataType.INT32, DataType.INT32, 13), Arguments.of(DataType.INT64, DataType.INT64, 13),
                Arguments.of(DataType.INT32, f, 13), Arguments.of(DataType.INT64, f, 15),
                Arguments.of(DataType.FLOAT16, DataType.FLOAT16, 13));
    }

    static Stream<Arguments> cases() {
        return typePairs().flatMap(p -> OpCheck.BROADCAST_SHAPES.stream().limit(5)
                .map(s -> Arguments.of(p.get()[0], p.get()[1], p.get()[2], s)));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesOrt(DataType base, DataType exponent, int opset, int[][] shapes) {
        byte[] model = OpCheck.model("Pow", opset, List.of(base, exponent), List.of(shapes[0], shapes[1]), base);
        Random rnd = new Random(8);
        OpCheck.assertMatchesOrt(model, Map.of("x0", values(base, shapes[0], rnd, true), "x1",
                values(exponent, shapes[1], rnd, false)), base);
    }

    /** Bases in [-6, 6] (floats) or [-5, 5] (integers); exponents whole in [-3, 6] or fractional in [-2, 3]. */
    private static Tensor values(DataType t, int[] dims, Random rnd, boolean base) {
        Shape s = Shape.of(dims);
        int n = s.elementCount();
        if (t.isFloating()) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = base ? rnd.nextDouble() * 12 - 6 : rnd.nextBoolean() ? rnd.nextInt(10) - 3 : rnd.nextDouble() * 5 - 2;
            }
            return Tensor.ofDoubles(t, s, v);
        }
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            v[i] = base ? rnd.nextInt(11) - 5 : rnd.nextInt(10) - 3;
        }
        return Tensor.ofLongs(t, s, v);
    }

    @Test
    void integerBaseWithWholeFloatExponentsIsExact() {
        byte[] model = OpCheck.model("Pow", 13, List.of(DataType.INT64, DataType.FLOAT32), List.of(new int[]{5}, new int[]{5}),
                DataType.INT64);
        Tensor a = Tensor.ofLongs(DataType.INT64, Shape.of(5), 3, -3, 7, 2, 10);
        Tensor b = Tensor.ofFloats(Shape.of(5), 20f, 21f, 11f, 62f, 18f);
        OpCheck.assertMatchesOrt(model, Map.of("x0", a, "x1", b), DataType.INT64);
    }

    @Test
    void rejectsMismatchedTypesBeforeOpset12AndInt8Bases() {
        OpCheck.assertRejected(OpCheck.model("Pow", 7, List.of(DataType.FLOAT32, DataType.FLOAT64),
                List.of(new int[]{2}, new int[]{2}), DataType.FLOAT32), dev.edgec.ir.InvalidModelException.class, "Pow",
                "before opset 12");
        OpCheck.assertRejected(OpCheck.model("Pow", 13, List.of(DataType.INT8, DataType.INT8),
                List.of(new int[]{2}, new int[]{2}), DataType.INT8), UnsupportedModelException.class, "Pow", "int8");
    }
}
