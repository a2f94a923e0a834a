package dev.edgec.harness.ops;

import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.ir.DataType;
import dev.edgec.ir.InvalidModelException;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Hardmax against ONNX Runtime, with the opset-13 change of what a row is (as Softmax's), and ties. */
class HardmaxTest {
    static byte[] model(int opset, long[] shape, Long axis, DataType t) {
        OnnxBuilder b = new OnnxBuilder("hardmax", opset);
        String x = b.input("x0", t, shape);
        b.output(axis == null ? b.node("Hardmax", List.of(x)) : b.node("Hardmax", List.of(x), "axis", axis), t);
        return b.toBytes();
    }

    static Stream<Arguments> cases() {
        Stream.Builder<Arguments> out = Stream.builder();
        for (int opset : List.of(11, 13)) {
            out.add(Arguments.of(opset, new long[]{2, 10}, null));
            out.add(Arguments.of(opset, new long[]{2, 3, 4}, null));
            out.add(Arguments.of(opset, new long[]{2, 3, 4}, 0L));
            out.add(Arguments.of(opset, new long[]{2, 3, 4}, 1L));
            out.add(Arguments.of(opset, new long[]{2, 3, 4}, -1L));
            out.add(Arguments.of(opset, new long[]{3, 1, 5, 2}, 2L));
            out.add(Arguments.of(opset, new long[]{7}, 0L));
        }
        return out.build();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesOrt(int opset, long[] shape, Long axis) {
        OpCheck.assertMatchesOrt(model(opset, shape, axis, DataType.FLOAT32), DataType.FLOAT32);
    }

    @Test
    void firstMaximumWinsTies() {
        Tensor x = Tensor.ofFloats(Shape.of(3, 4), 1, 3, 3, 0, 5, 5, 5, 5, -1, -2, -1, -3);
        OpCheck.assertMatchesOrt(model(13, new long[]{3, 4}, null, DataType.FLOAT32), Map.of("x0", x), DataType.FLOAT32);
    }

    @Test
    void rejectsFloat64() {
        OpCheck.assertRejected(model(13, new long[]{4, 5}, 0L, DataType.FLOAT64), dev.edgec.ir.UnsupportedModelException.class,
                "Hardmax", "float64");
    }

    @Test
    void rejectsAxisOutOfRange() {
        OpCheck.assertRejected(model(13, new long[]{2, 3}, 2L, DataType.FLOAT32), InvalidModelException.class, "Hardmax",
                "out of range");
    }
}
