package dev.edgec.harness.ops;

import dev.edgec.ir.DataType;
import dev.edgec.ir.InvalidModelException;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Mod against ONNX Runtime: integer types with both sign conventions, floats with fmod = 1, broadcasting. */
class ModTest {
    private static final List<DataType> INTEGERS = List.of(DataType.INT8, DataType.UINT8, DataType.INT16,
            DataType.INT32, DataType.INT64);
    private static final List<DataType> FLOATS = List.of(DataType.FLOAT32, DataType.FLOAT64, DataType.FLOAT16);

    static Stream<Arguments> cases() {
        Stream<Arguments> ints = INTEGERS.stream().flatMap(t -> Stream.of(0L, 1L).map(f -> Arguments.of(t, f)));
        Stream<Arguments> floats = FLOATS.stream().map(t -> Arguments.of(t, 1L));
        return Stream.concat(ints, floats)
                .flatMap(a -> OpCheck.BROADCAST_SHAPES.stream().limit(5).map(s -> Arguments.of(a.get()[0], a.get()[1], s)));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesOrt(DataType t, long fmod, int[][] shapes) {
        byte[] model = OpCheck.binary("Mod", 13, t, t, shapes[0], shapes[1], "fmod", fmod);
        Random rnd = new Random(21);
        OpCheck.assertMatchesOrt(model, Map.of("x0", values(t, shapes[0], rnd, false), "x1", values(t, shapes[1], rnd, true)), t);
    }

    /** Mixed-sign values; divisors are never 0 (ONNX Runtime's integer x mod 0 is undefined). */
    private static Tensor values(DataType t, int[] dims, Random rnd, boolean divisor) {
        Shape s = Shape.of(dims);
        double[] v = new double[s.elementCount()];
        for (int i = 0; i < v.length; i++) {
            double m = t.isFloating() ? (rnd.nextDouble() * 20 - 10) : (rnd.nextInt(200) - 100);
            if (!t.isSigned() && !t.isFloating()) {
                m = Math.abs(m);
            }
            if (divisor && Math.abs(m) < 1) {
                m = m < 0 ? -3 : 3;
            }
            v[i] = m;
        }
        if (t.isFloating()) {
            return Tensor.ofDoubles(t, s, v);
        }
        long[] l = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            l[i] = (long) v[i];
        }
        return Tensor.ofLongs(t, s, l);
    }

    /** Not MIN mod -1: ONNX Runtime's x86 division faults there and kills the process (edgec gives 0). */
    @Test
    void integerExtremes() {
        byte[] model = OpCheck.binary("Mod", 13, DataType.INT32, DataType.INT32, new int[]{6}, new int[]{6});
        Tensor a = Tensor.ofLongs(DataType.INT32, Shape.of(6), Integer.MIN_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE, -7, 7, -7);
        Tensor b = Tensor.ofLongs(DataType.INT32, Shape.of(6), 2, 3, -2, 7, -7, -7);
        OpCheck.assertMatchesOrt(model, Map.of("x0", a, "x1", b), DataType.INT32);
    }

    @Test
    void rejectsFloatsWithoutFmod() {
        OpCheck.assertRejected(OpCheck.binary("Mod", 13, DataType.FLOAT32, DataType.FLOAT32, new int[]{2}, new int[]{2}),
                InvalidModelException.class, "Mod", "fmod must be 1");
        OpCheck.assertRejected(OpCheck.binary("Mod", 13, DataType.INT32, DataType.INT32, new int[]{2}, new int[]{2},
                "fmod", 2L), InvalidModelException.class, "Mod", "fmod must be 0 or 1");
    }
}
