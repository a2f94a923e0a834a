package dev.edgec.harness.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgec.cli.runtime.ChicoryRuntime;
import dev.edgec.cli.runtime.ModuleRunner;
import dev.edgec.core.CompileOptions;
import dev.edgec.core.Compiler;
import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.harness.ModelCheck;
import dev.edgec.harness.OrtReference;
import dev.edgec.harness.Tolerance;
import dev.edgec.ir.BFloat16;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.TensorType;
import dev.edgec.ir.UnsupportedModelException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Cast and CastLike to and from bfloat16 against ONNX Runtime (whose CPU Cast takes bfloat16):
 * float32 → bfloat16 bit for bit on ties, NaNs (including one whose payload is only in the low 16
 * bits), ±∞, ±0, subnormals and values past the largest bfloat16 (ONNX Runtime rounds to nearest
 * even, as edgec does; ONNX 1.12's test data truncated), every bfloat16 pattern widened, and every
 * other type Cast takes converted both ways.
 */
class CastBfloat16Test {
    static byte[] cast(DataType from, DataType to, int n) {
        return CastTest.model(from, to, n, 13);
    }

    static byte[] castLike(DataType from, DataType like, int n) {
        OnnxBuilder b = new OnnxBuilder("castlike", 15);
        String x = b.input("x0", from, new long[]{n});
        String l = b.input("x1", like, new long[]{1});
        b.output(b.node("CastLike", List.of(x, l)), like);
        return b.toBytes();
    }

    /** Outputs equal ONNX Runtime's bit for bit (so -0 is not +0), except that any NaN matches any NaN. */
    static void assertSameBits(byte[] model, Map<String, Tensor> inputs) {
        String why = ModelCheck.mismatch(model, inputs, Tolerance.EXACT, new ChicoryRuntime());
        assertNull(why, why);
        Tensor expected;
        try (OrtReference ort = new OrtReference(model)) {
            expected = ort.run(inputs).get(0);
        }
        var compiled = new Compiler().compile(model, CompileOptions.defaults());
        List<Tensor> ordered = compiled.signature().inputs().stream().map(s -> inputs.get(s.name())).toList();
        Tensor actual;
        try (ModuleRunner m = new ModuleRunner(compiled.moduleBytes(), new ChicoryRuntime())) {
            actual = m.run(ordered).get(0);
        }
        assertEquals(expected.type(), actual.type());
        int size = expected.dataType().byteSize();
        byte[] e = expected.bytes();
        byte[] a = actual.bytes();
        for (int i = 0; i < expected.elementCount(); i++) {
            double ev = expected.getDouble(i);
            if (Double.isNaN(ev)) {
                assertTrue(Double.isNaN(actual.getDouble(i)), "element " + i + " should be NaN");
                continue;
            }
            for (int j = i * size; j < (i + 1) * size; j++) {
                if (e[j] != a[j]) {
                    throw new AssertionError("element " + i + ": " + actual.getDouble(i) + ", ONNX Runtime " + ev
                            + " (input " + inputs.get("x0").getDouble(i) + ")");
                }
            }
        }
    }

    /** float32 bit patterns that probe every rounding case, then random ones (a quarter of them exact ties). */
    static float[] hardFloats(int randomCount, long seed) {
        int[] edges = {0, 0x80000000, 0x7F800000, 0xFF800000, 0x7FC00000, 0xFFC00000, 0x7F800001, 0xFF800001,
                0x7FBFFFFF, 0x00000001, 0x80000001, 0x00008000, 0x00018000, 0x00007FFF, 0x007FFFFF, 0x00800000,
                0x3F808000, 0x3F818000, 0x3F808001, 0x3F807FFF, 0x7F7F7FFF, 0x7F7F8000, 0x7F7FFFFF, 0xFF7F8000,
                0x7F7F0000, 0x3EF5EF5F, Float.floatToRawIntBits(3.14159265f), Float.floatToRawIntBits(-1e30f)};
        float[] v = new float[edges.length + randomCount];
        for (int i = 0; i < edges.length; i++) {
            v[i] = Float.intBitsToFloat(edges[i]);
        }
        Random r = new Random(seed);
        for (int i = edges.length; i < v.length; i++) {
            int bits = r.nextInt();
            switch (i % 4) {
                case 0 -> bits = (bits & 0xFFFF0000) | 0x8000;     // tie
                case 1 -> bits &= 0x807FFFFF;                       // subnormal
                case 2 -> bits = (bits & 0x8FFFFFFF) | 0x3E000000;  // ordinary magnitudes near 1
                default -> {
                }
            }
            v[i] = Float.intBitsToFloat(bits);
        }
        return v;
    }

    @Test
    void floatToBfloat16RoundsToNearestEvenLikeOrt() {
        float[] v = hardFloats(4000, 16);
        assertSameBits(cast(DataType.FLOAT32, DataType.BFLOAT16, v.length), Map.of("x0", Tensor.ofFloats(Shape.of(v.length), v)));
    }

    @Test
    void wasmtimeRoundsTheSame() {
        float[] v = hardFloats(1000, 19);
        String why = ModelCheck.mismatch(cast(DataType.FLOAT32, DataType.BFLOAT16, v.length),
                Map.of("x0", Tensor.ofFloats(Shape.of(v.length), v)), Tolerance.EXACT, new dev.edgec.harness.WasmtimeRuntime());
        assertNull(why, why);
    }

    @Test
    void floatToBfloat16IsTheIrRule() {
        // the compile-time rule (constant folding, Tensor.ofDoubles) and the emitted code must agree
        float[] v = hardFloats(2000, 17);
        byte[] model = cast(DataType.FLOAT32, DataType.BFLOAT16, v.length);
        var compiled = new Compiler().compile(model, CompileOptions.defaults());
        Tensor out;
        try (ModuleRunner m = new ModuleRunner(compiled.moduleBytes(), new ChicoryRuntime())) {
            out = m.run(List.of(Tensor.ofFloats(Shape.of(v.length), v))).get(0);
        }
        ByteBuffer b = ByteBuffer.wrap(out.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < v.length; i++) {
            assertEquals(BFloat16.fromFloat(v[i]), b.getShort(2 * i), "float bits 0x" + Integer.toHexString(Float.floatToRawIntBits(v[i])));
        }
    }

    @Test
    void everyBfloat16WidensLikeOrt() {
        int n = 1 << 16;
        ByteBuffer b = ByteBuffer.allocate(2 * n).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            b.putShort((short) i);
        }
        Tensor all = Tensor.of(new TensorType(DataType.BFLOAT16, Shape.of(n)), b.array());
        assertSameBits(cast(DataType.BFLOAT16, DataType.FLOAT32, n), Map.of("x0", all));
        assertSameBits(cast(DataType.BFLOAT16, DataType.FLOAT64, n), Map.of("x0", all));
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT32", "FLOAT64", "FLOAT16", "INT8", "UINT8", "INT16", "INT32",
            "INT64", "BOOL", "BFLOAT16"})
    void everyTypeToAndFromBfloat16(DataType t) {
        Tensor x = OpCheck.randomInputs(List.of(t), List.<int[]>of(new int[]{64}), 5, -300, 300).get("x0");
        assertSameBits(cast(t, DataType.BFLOAT16, 64), Map.of("x0", x));
        // out-of-range and non-finite bfloat16 values into integers go through the guarded float32 truncation
        double[] v = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e10, -1e10, 3e38, 300, -129,
                255.5, 65536, 40000, -0.0, 0.0, 1.5, -2.5, 127, 128, 1e-40};
        Tensor bf = Tensor.ofDoubles(DataType.BFLOAT16, Shape.of(v.length), v);
        assertSameBits(cast(DataType.BFLOAT16, t, v.length), Map.of("x0", bf));
    }

    @Test
    void doubleToBfloat16RoundsThroughFloat32() {
        double[] v = {1 + 0x1p-8 + 0x1p-40, 1 + 0x1p-8, 0x1.fffffffp127, 1e300, -1e-300, Math.PI, 1 + 0x1p-8 - 0x1p-30};
        assertSameBits(cast(DataType.FLOAT64, DataType.BFLOAT16, v.length),
                Map.of("x0", Tensor.ofDoubles(DataType.FLOAT64, Shape.of(v.length), v)));
    }

    @Test
    void castLikeBothWays() {
        float[] v = hardFloats(500, 18);
        Tensor like = Tensor.ofDoubles(DataType.BFLOAT16, Shape.of(1), 7);
        assertSameBits(castLike(DataType.FLOAT32, DataType.BFLOAT16, v.length),
                Map.of("x0", Tensor.ofFloats(Shape.of(v.length), v), "x1", like));
        Tensor bf = Tensor.ofDoubles(DataType.BFLOAT16, Shape.of(4), -1.5, 0.1, Double.NaN, 3e38);
        assertSameBits(castLike(DataType.BFLOAT16, DataType.FLOAT32, 4), Map.of("x0", bf, "x1", Tensor.ofFloats(Shape.of(1), 1f)));
    }

    @Test
    void otherOperatorsStillRejectBfloat16() {
        OpCheck.assertRejected(OpCheck.unary("Relu", 14, DataType.BFLOAT16, new int[]{3}), UnsupportedModelException.class,
                "Relu", "bfloat16");
    }
}
