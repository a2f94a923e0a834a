package dev.edgec.harness.ops;

import static org.junit.jupiter.api.Assertions.assertNull;

import dev.edgec.cli.runtime.ChicoryRuntime;
import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.harness.ModelCheck;
import dev.edgec.harness.Tolerance;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.TensorType;
import dev.edgec.ir.UnsupportedModelException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cast against ONNX Runtime, bit-exact: every pair of the types ONNX Runtime Java can take, float to
 * integer on NaN, infinities and out-of-range values (the guarded truncation must give what ONNX
 * Runtime gives), float16 rounding on ties and at the range edges, and every float16 bit pattern.
 */
class CastTest {
    private static final List<DataType> TYPES = List.of(DataType.FLOAT32, DataType.FLOAT64, DataType.FLOAT16,
            DataType.INT8, DataType.UINT8, DataType.INT16, DataType.INT32, DataType.INT64, DataType.BOOL);

    static byte[] model(DataType from, DataType to, int n, int opset) {
        OnnxBuilder b = new OnnxBuilder("cast", opset);
        String x = b.input("x0", from, new long[]{n});
        b.output(b.node("Cast", List.of(x), "to", (long) dev.edgec.core.onnx.OnnxDataTypes.toOnnx(to)), to);
        return b.toBytes();
    }

    static void assertExact(byte[] model, Tensor input) {
        String why = ModelCheck.mismatch(model, Map.of("x0", input), Tolerance.EXACT, new ChicoryRuntime());
        assertNull(why, why);
    }

    static Stream<Arguments> pairs() {
        return TYPES.stream().flatMap(a -> TYPES.stream().map(b -> Arguments.of(a, b)));
    }

    @ParameterizedTest
    @MethodSource("pairs")
    void everyPairOnSmallValues(DataType from, DataType to) {
        // whole and fractional values in [-100, 100) fit every signed type; negatives wrap for unsigned
        Tensor x = OpCheck.randomInputs(List.of(from), List.<int[]>of(new int[]{40}), 3, -100, 100).get("x0");
        assertExact(model(from, to, 40, 13), x);
    }

    @ParameterizedTest
    @MethodSource("floatToInteger")
    void floatToIntegerOutOfRangeDoesNotTrapAndMatchesOrt(DataType from, DataType to) {
        double[] v = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e10, -1e10, 3e9, -3e9, 2.5e9,
                127.9, -128.9, 128.5, 255.5, 256.5, 32767.5, 40000, 65535.7, 70000, -0.7, 2147483520, -2147483648.0,
                9.3e18, -9.3e18, 1e19};
        assertExact(model(from, to, v.length, 13), Tensor.ofDoubles(from, Shape.of(v.length), v));
    }

    static Stream<Arguments> floatToInteger() {
        return Stream.of(DataType.FLOAT32, DataType.FLOAT64).flatMap(f -> Stream.of(DataType.INT8, DataType.UINT8,
                DataType.INT16, DataType.INT32, DataType.INT64).map(i -> Arguments.of(f, i)));
    }

    @Test
    void floatToFloat16RoundsToNearestEven() {
        float[] v = {65504f, 65519.99f, 65520f, 1e6f, Float.POSITIVE_INFINITY, Float.NaN, -0f, 0x1p-24f, 0x1p-25f,
                0x1.8p-25f, 0x1.8p-24f, 0x1.4p-24f, 0x1p-14f, 0x1.ff8p-15f, 0x1.ffcp-15f, 1 + 0x1p-11f, 1 + 0x3p-11f,
                1 + 0x1.0001p-11f, -1 - 0x3p-11f, 1e-10f, 2049f, 2051f, 3.14159f, -65519f, 0x1.ffep-15f};
        assertExact(model(DataType.FLOAT32, DataType.FLOAT16, v.length, 13), Tensor.ofFloats(Shape.of(v.length), v));
    }

    @Test
    void doubleToFloat16() {
        double[] v = {65504, 65520, 1 + 0x1p-11 + 0x1p-40, 1 + 0x1p-11, 0x1p-25 + 0x1p-50, 1e-300, -1e300, Math.PI};
        assertExact(model(DataType.FLOAT64, DataType.FLOAT16, v.length, 13),
                Tensor.ofDoubles(DataType.FLOAT64, Shape.of(v.length), v));
    }

    @Test
    void everyFloat16ToFloat32AndDouble() {
        int n = 1 << 16;
        ByteBuffer b = ByteBuffer.allocate(2 * n).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            b.putShort((short) i);
        }
        Tensor all = Tensor.of(new TensorType(DataType.FLOAT16, Shape.of(n)), b.array());
        assertExact(model(DataType.FLOAT16, DataType.FLOAT32, n, 13), all);
        assertExact(model(DataType.FLOAT16, DataType.FLOAT64, n, 19), all);
    }

    @Test
    void rejectsStringAndFloat8Targets() {
        OpCheck.assertRejected(model16(8), UnsupportedModelException.class, "Cast", "STRING");
        OpCheck.assertRejected(model16(17), UnsupportedModelException.class, "Cast", "FLOAT8");
    }

    private static byte[] model16(long code) {
        OnnxBuilder b = new OnnxBuilder("cast", 19);
        String x = b.input("x0", DataType.FLOAT32, new long[]{2});
        b.output(b.node("Cast", List.of(x), "to", code), DataType.FLOAT32);
        return b.toBytes();
    }
}
