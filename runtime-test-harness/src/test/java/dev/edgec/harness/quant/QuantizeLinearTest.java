package dev.edgec.harness.quant;

import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.ir.DataType;
import dev.edgec.ir.InvalidModelException;
import dev.edgec.ir.Shape;
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

/**
 * QuantizeLinear against ONNX Runtime, exactly: per tensor and per axis, int8/uint8/int16, with and
 * without zero point, scales as constants or inputs, with saturation, ties and NaN/±Inf.
 */
class QuantizeLinearTest {

    /** A one-node model; axis < -9 means "no axis attribute"; zpType null means no zero point. */
    static byte[] model(int opset, int[] x, int scaleCount, boolean scalarScale, DataType zpType, long axis,
                        boolean paramsAsInputs, Object... extra) {
        OnnxBuilder b = new OnnxBuilder("q", opset);
        Random rnd = new Random(3);
        String xi = b.input("x", DataType.FLOAT32, QuantCheck.longs(x));
        Tensor scale = QuantCheck.scales(scaleCount, rnd, 0.01, 0.2, scalarScale);
        List<String> ins = new ArrayList<>(List.of(xi,
                paramsAsInputs ? b.input("s", DataType.FLOAT32, scale.shape().dims().length == 0 ? new long[0]
                        : new long[] {scaleCount}) : b.initializer("s", scale)));
        if (zpType != null) {
            Tensor zp = Tensor.ofLongs(zpType, scale.shape(), QuantCheck.ints(zpType, new int[] {scaleCount}, rnd,
                    zpType == DataType.UINT8 ? 0 : -20, zpType == DataType.UINT8 ? 255 : 20).toLongs());
            ins.add(b.initializer("z", zp));
        }
        List<Object> attrs = new ArrayList<>(List.of(extra));
        if (axis > -10) {
            attrs.add("axis");
            attrs.add(axis);
        }
        b.output(b.node("QuantizeLinear", ins, attrs.toArray()), zpType == null ? DataType.UINT8 : zpType);
        return b.toBytes();
    }

    /** Random floats spanning beyond the quantized range, with exact ties, NaN and ±Inf sprinkled in. */
    static Tensor input(int[] dims, long seed) {
        Random rnd = new Random(seed);
        Shape s = Shape.of(dims);
        float[] v = new float[s.elementCount()];
        float[] special = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0f, -0f, 1e30f, -1e30f};
        for (int i = 0; i < v.length; i++) {
            int kind = rnd.nextInt(10);
            v[i] = kind == 0 ? special[rnd.nextInt(special.length)]
                    : kind == 1 ? (rnd.nextInt(41) - 20) * 0.5f // ties when the scale is 1 or 0.5
                    : (float) ((rnd.nextDouble() - 0.5) * 80);
        }
        return Tensor.ofFloats(s, v);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("opset 10 uint8, no zero point", 10, new int[] {4, 16}, 1, true, null, -99L),
                Arguments.of("opset 10 uint8 zp", 10, new int[] {3, 5, 7}, 1, true, DataType.UINT8, -99L),
                Arguments.of("opset 13 int8 per tensor", 13, new int[] {2, 3, 8}, 1, true, DataType.INT8, -99L),
                Arguments.of("opset 13 int8 1-element scale", 13, new int[] {37}, 1, false, DataType.INT8, -99L),
                Arguments.of("opset 13 per axis 1", 13, new int[] {2, 4, 3, 5}, 4, false, DataType.INT8, 1L),
                Arguments.of("opset 13 per axis 0 uint8", 13, new int[] {6, 10}, 6, false, DataType.UINT8, 0L),
                Arguments.of("opset 13 per axis -1", 13, new int[] {3, 2, 7}, 7, false, DataType.INT8, -1L),
                Arguments.of("opset 19 per axis", 19, new int[] {1, 8, 4}, 8, false, DataType.UINT8, 1L),
                Arguments.of("opset 21 int16", 21, new int[] {4, 32}, 1, true, DataType.INT16, -99L),
                Arguments.of("opset 21 int16 per axis", 21, new int[] {5, 12}, 5, false, DataType.INT16, 0L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesOrt(String name, int opset, int[] x, int scaleCount, boolean scalar, DataType zp, long axis) {
        QuantCheck.assertExact(model(opset, x, scaleCount, scalar, zp, axis, false), Map.of("x", input(x, 11)));
    }

    @Test
    void scaleAsGraphInput() {
        int[] x = {3, 16};
        Tensor s = QuantCheck.scales(1, new Random(5), 0.05, 0.5, true);
        QuantCheck.assertExact(model(13, x, 1, true, DataType.INT8, -99L, true), Map.of("x", input(x, 2), "s", s));
    }

    @Test
    void unitScaleTiesRoundHalfToEven() {
        OnnxBuilder b = new OnnxBuilder("q", 13);
        String x = b.input("x", DataType.FLOAT32, 16);
        String s = b.initializer("s", Tensor.ofFloats(Shape.scalar(), 1f));
        String z = b.initializer("z", Tensor.ofLongs(DataType.INT8, Shape.scalar(), 0));
        b.output(b.node("QuantizeLinear", List.of(x, s, z)), DataType.INT8);
        float[] v = {-2.5f, -1.5f, -0.5f, 0.5f, 1.5f, 2.5f, 3.5f, 126.5f, 127.5f, -127.5f, -128.5f, 0.49999997f,
                -3.5f, 4.5f, 5.5f, 1e9f};
        QuantCheck.assertExact(b.toBytes(), Map.of("x", Tensor.ofFloats(Shape.of(16), v)));
    }

    @Test
    void nanQuantizesLikeOrt() {
        OnnxBuilder b = new OnnxBuilder("q", 13);
        String x = b.input("x", DataType.FLOAT32, 8);
        String s = b.initializer("s", Tensor.ofFloats(Shape.scalar(), 0.1f));
        String z = b.initializer("z", Tensor.ofLongs(DataType.INT8, Shape.scalar(), 3));
        b.output(b.node("QuantizeLinear", List.of(x, s, z)), DataType.INT8);
        float n = Float.NaN;
        QuantCheck.assertExact(b.toBytes(), Map.of("x", Tensor.ofFloats(Shape.of(8), n, n, n, n, n, n, n, n)));
    }

    @Test
    void rejectsBlockSize() {
        QuantCheck.assertRejected(model(21, new int[] {4, 8}, 1, true, DataType.INT8, -99L, false, "block_size", 2L),
                UnsupportedModelException.class, "block_size");
    }

    @Test
    void rejectsScaleOfWrongLength() {
        QuantCheck.assertRejected(model(13, new int[] {4, 8}, 5, false, DataType.INT8, 1L, false),
                InvalidModelException.class, "QuantizeLinear");
    }

    @Test
    void rejectsAxisOutOfRange() {
        QuantCheck.assertRejected(model(13, new int[] {4, 8}, 4, false, DataType.INT8, 2L, false),
                InvalidModelException.class, "axis 2");
    }
}
