package dev.edgec.harness.quant;

import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.ir.DataType;
import dev.edgec.ir.InvalidModelException;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.UnsupportedModelException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** DequantizeLinear against ONNX Runtime, bit-exact: int8/uint8/int16/int32, per tensor and per axis. */
class DequantizeLinearTest {

    static byte[] model(int opset, DataType t, int[] x, int scaleCount, boolean scalar, boolean zp, long axis,
                        Object... extra) {
        OnnxBuilder b = new OnnxBuilder("dq", opset);
        Random rnd = new Random(9);
        String xi = b.input("x", t, QuantCheck.longs(x));
        Tensor scale = QuantCheck.scales(scaleCount, rnd, 0.001, 3, scalar);
        List<String> ins = new ArrayList<>(List.of(xi, b.initializer("s", scale)));
        if (zp) {
            Tensor z = t == DataType.INT32 ? Tensor.ofLongs(t, scale.shape(), new long[scaleCount])
                    : Tensor.ofLongs(t, scale.shape(), QuantCheck.randomInts(t, new int[] {scaleCount}, rnd).toLongs());
            ins.add(b.initializer("z", z));
        }
        List<Object> attrs = new ArrayList<>(List.of(extra));
        if (axis > -10) {
            attrs.add("axis");
            attrs.add(axis);
        }
        b.output(b.node("DequantizeLinear", ins, attrs.toArray()), DataType.FLOAT32);
        return b.toBytes();
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("opset 10 uint8", 10, DataType.UINT8, new int[] {4, 9}, 1, true, true, -99L),
                Arguments.of("opset 10 int8 no zp", 10, DataType.INT8, new int[] {17}, 1, true, false, -99L),
                Arguments.of("opset 10 int32", 10, DataType.INT32, new int[] {3, 5}, 1, true, true, -99L),
                Arguments.of("opset 13 per axis 1", 13, DataType.INT8, new int[] {2, 3, 4, 2}, 3, false, true, 1L),
                Arguments.of("opset 13 per axis 0", 13, DataType.UINT8, new int[] {5, 6}, 5, false, true, 0L),
                Arguments.of("opset 13 per axis -1", 13, DataType.INT8, new int[] {2, 3, 6}, 6, false, true, -1L),
                Arguments.of("opset 19 per tensor", 19, DataType.UINT8, new int[] {8, 8}, 1, true, true, -99L),
                Arguments.of("opset 21 int16", 21, DataType.INT16, new int[] {3, 11}, 1, true, true, -99L),
                Arguments.of("opset 21 int16 per axis", 21, DataType.INT16, new int[] {3, 11}, 11, false, true, 1L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesOrt(String name, int opset, DataType t, int[] x, int count, boolean scalar, boolean zp, long axis) {
        QuantCheck.assertExact(model(opset, t, x, count, scalar, zp, axis),
                Map.of("x", QuantCheck.randomInts(t, x, new Random(1))));
    }

    @Test
    void rejectsBlockSize() {
        QuantCheck.assertRejected(model(21, DataType.INT8, new int[] {4, 8}, 1, true, true, -99L, "block_size", 4L),
                UnsupportedModelException.class, "block_size");
    }

    @Test
    void rejectsZeroPointOfOtherType() {
        OnnxBuilder b = new OnnxBuilder("dq", 13);
        String x = b.input("x", DataType.INT8, 4);
        String s = b.initializer("s", Tensor.ofFloats(dev.edgec.ir.Shape.scalar(), 0.5f));
        String z = b.initializer("z", Tensor.ofLongs(DataType.UINT8, dev.edgec.ir.Shape.scalar(), 1));
        b.output(b.node("DequantizeLinear", List.of(x, s, z)), DataType.FLOAT32);
        QuantCheck.assertRejected(b.toBytes(), InvalidModelException.class, "x_zero_point");
    }
}
