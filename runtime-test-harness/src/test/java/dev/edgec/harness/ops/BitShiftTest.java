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

/**
 * BitShift against ONNX Runtime for uint8 (the only unsigned type ONNX Runtime Java takes; the
 * conformance suite covers uint16, uint32 and uint64), both directions, with broadcasting and shift
 * amounts up to past the width.
 */
class BitShiftTest {
    static Stream<Arguments> cases() {
        return Stream.of("LEFT", "RIGHT").flatMap(d -> OpCheck.BROADCAST_SHAPES.stream().map(s -> Arguments.of(d, s)));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesOrt(String direction, int[][] shapes) {
        byte[] model = OpCheck.binary("BitShift", 11, DataType.UINT8, DataType.UINT8, shapes[0], shapes[1],
                "direction", direction);
        Random rnd = new Random(5);
        OpCheck.assertMatchesOrt(model, Map.of("x0", values(shapes[0], rnd, 256), "x1", values(shapes[1], rnd, 10)),
                DataType.UINT8);
    }

    private static Tensor values(int[] dims, Random rnd, int bound) {
        Shape s = Shape.of(dims);
        long[] v = new long[s.elementCount()];
        for (int i = 0; i < v.length; i++) {
            v[i] = rnd.nextInt(bound);
        }
        return Tensor.ofLongs(DataType.UINT8, s, v);
    }

    @Test
    void rejectsAMissingOrBadDirection() {
        OpCheck.assertRejected(OpCheck.binary("BitShift", 11, DataType.UINT8, DataType.UINT8, new int[]{2}, new int[]{2}),
                InvalidModelException.class, "BitShift", "direction");
        OpCheck.assertRejected(OpCheck.binary("BitShift", 11, DataType.UINT8, DataType.UINT8, new int[]{2}, new int[]{2},
                "direction", "UP"), InvalidModelException.class, "BitShift", "LEFT or RIGHT");
    }

    @Test
    void rejectsSignedTypes() {
        OpCheck.assertRejected(OpCheck.binary("BitShift", 11, DataType.INT32, DataType.INT32, new int[]{2}, new int[]{2},
                "direction", "LEFT"), dev.edgec.ir.UnsupportedModelException.class, "BitShift", "int32");
    }
}
