package dev.edgec.harness.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.edgec.core.onnx.OnnxBuilder;
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

/**
 * QLinearMatMul against ONNX Runtime. Constant scales: fixed-point requantization, within 1 of ONNX
 * Runtime's float32 requantization (the count of differing elements is printed). Scales as graph
 * inputs: float requantization in ONNX Runtime's order, exact.
 */
class QLinearMatMulTest {

    /** A one-node model; {@code perColumn} gives b one scale and zero point per output column. */
    static byte[] model(DataType at, DataType bt, int[] a, int[] b, boolean perColumn, boolean scalesAsInputs, long seed) {
        OnnxBuilder ob = new OnnxBuilder("qmm", 10);
        Random rnd = new Random(seed);
        int k = a[a.length - 1];
        int n = b[b.length - 1];
        int cols = perColumn ? n : 1;
        float as = 0.02f + rnd.nextFloat() * 0.05f;
        Tensor bs = QuantCheck.scales(cols, rnd, 0.002, 0.02, !perColumn);
        float ys = (float) (as * 0.01 * Math.sqrt(k) * 5500 / 40);
        String ai = ob.input("a", at, QuantCheck.longs(a));
        String bi = ob.initializer("b", QuantCheck.randomInts(bt, b, rnd));
        String asi = scalesAsInputs ? ob.input("as", DataType.FLOAT32) : ob.initializer("as", Tensor.ofFloats(Shape.scalar(), as));
        String ysi = scalesAsInputs ? ob.input("ys", DataType.FLOAT32) : ob.initializer("ys", Tensor.ofFloats(Shape.scalar(), ys));
        String bsi = ob.initializer("bs", bs);
        String az = ob.initializer("az", zeroPoint(at, 1, true, rnd));
        String bz = ob.initializer("bz", zeroPoint(bt, cols, !perColumn, rnd));
        DataType yt = at;
        String yz = ob.initializer("yz", zeroPoint(yt, 1, true, rnd));
        ob.output(ob.node("QLinearMatMul", List.of(ai, asi, az, bi, bsi, bz, ysi, yz)), yt);
        return ob.toBytes();
    }

    static Tensor zeroPoint(DataType t, int count, boolean scalar, Random rnd) {
        long[] v = new long[count];
        for (int i = 0; i < count; i++) {
            v[i] = t == DataType.UINT8 ? 100 + rnd.nextInt(56) : rnd.nextInt(21) - 10;
        }
        return Tensor.ofLongs(t, scalar ? Shape.scalar() : Shape.of(count), v);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("uint8 2-D", DataType.UINT8, DataType.UINT8, new int[] {7, 33}, new int[] {33, 9}, false),
                Arguments.of("int8 2-D", DataType.INT8, DataType.INT8, new int[] {5, 64}, new int[] {64, 16}, false),
                Arguments.of("uint8 x int8", DataType.UINT8, DataType.INT8, new int[] {4, 20}, new int[] {20, 6}, false),
                Arguments.of("int8 per column", DataType.INT8, DataType.INT8, new int[] {6, 40}, new int[] {40, 12}, true),
                Arguments.of("uint8 batched", DataType.UINT8, DataType.UINT8, new int[] {2, 3, 5, 8}, new int[] {8, 4}, false),
                Arguments.of("int8 batched both", DataType.INT8, DataType.INT8, new int[] {3, 4, 10}, new int[] {3, 10, 5}, false),
                Arguments.of("vector times matrix", DataType.UINT8, DataType.UINT8, new int[] {12}, new int[] {12, 7}, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void fixedPointWithinOneOfOrt(String name, DataType at, DataType bt, int[] a, int[] b, boolean perColumn) {
        byte[] model = model(at, bt, a, b, perColumn, false, 5);
        QuantCheck.assertWithinOne("QLinearMatMul " + name, model, Map.of("a", QuantCheck.randomInts(at, a, new Random(8))));
    }

    /**
     * Near ties. ONNX Runtime requantizes with {@code float(acc) · m} in float32; when the exact product
     * lies within half a float32 ulp of {@code n + 0.5}, that product rounds onto the tie itself and then
     * to even, while fixed point rounds the exact product (correctly). Such cases are about 1 in 10^5
     * random elements, so this test searches for them: products {@code a·b} (K = 1, zero points 0) and
     * multipliers {@code m} (the per-column weight scale) whose float32 and exact roundings differ; then
     * it checks ONNX Runtime really differs there, by exactly 1.
     */
    @Test
    void nearTiesDifferByAtMostOne() {
        int hits = 6;
        long[] av = new long[hits];
        long[] bv = new long[hits];
        float[] mv = new float[hits];
        Random rnd = new Random(77);
        for (int found = 0; found < hits; ) {
            float m = 0.0005f + rnd.nextFloat() * 0.0034f;
            search:
            for (int a = 1; a < 256; a++) {
                for (int b = 1; b < 256; b++) {
                    double exact = Math.rint((double) (a * b) * m);
                    double viaFloat = Math.rint((float) (a * b) * m);
                    if (exact != viaFloat && exact <= 255) {
                        av[found] = a;
                        bv[found] = b;
                        mv[found++] = m;
                        break search;
                    }
                }
            }
        }
        OnnxBuilder ob = new OnnxBuilder("qmm", 10);
        String a = ob.input("a", DataType.UINT8, hits, 1);
        String b = ob.initializer("b", Tensor.ofLongs(DataType.UINT8, Shape.of(1, hits), bv));
        String bs = ob.initializer("bs", Tensor.ofFloats(Shape.of(hits), mv));
        String one = ob.initializer("one", Tensor.ofFloats(Shape.scalar(), 1f));
        String z = ob.initializer("z", Tensor.ofLongs(DataType.UINT8, Shape.scalar(), 0));
        String bz = ob.initializer("bz", Tensor.ofLongs(DataType.UINT8, Shape.of(hits), new long[hits]));
        ob.output(ob.node("QLinearMatMul", List.of(a, one, z, b, bs, bz, one, z)), DataType.UINT8);
        QuantCheck.Difference d = QuantCheck.assertWithinOne("QLinearMatMul near ties", ob.toBytes(),
                Map.of("a", Tensor.ofLongs(DataType.UINT8, Shape.of(hits, 1), av)));
        org.junit.jupiter.api.Assertions.assertTrue(d.count() >= hits, "expected ONNX Runtime's float rounding to differ "
                + "on the " + hits + " diagonal elements, differs on " + d.count());
    }

    @Test
    void runtimeScalesMatchOrtExactly() {
        int[] a = {6, 48};
        int[] b = {48, 10};
        byte[] model = model(DataType.UINT8, DataType.UINT8, a, b, false, true, 6);
        QuantCheck.Difference d = QuantCheck.difference(model, Map.of("a", QuantCheck.randomInts(DataType.UINT8, a, new Random(2)),
                "as", Tensor.ofFloats(Shape.scalar(), 0.031f), "ys", Tensor.ofFloats(Shape.scalar(), 0.37f)));
        assertEquals(0, d.max());
    }

    @Test
    void rejectsPerRowAScale() {
        OnnxBuilder ob = new OnnxBuilder("qmm", 10);
        String a = ob.input("a", DataType.UINT8, 3, 4);
        String b = ob.input("b", DataType.UINT8, 4, 2);
        String s3 = ob.initializer("s3", Tensor.ofFloats(Shape.of(3), 1, 1, 1));
        String s = ob.initializer("s", Tensor.ofFloats(Shape.scalar(), 1));
        String z = ob.initializer("z", Tensor.ofLongs(DataType.UINT8, Shape.scalar(), 0));
        ob.output(ob.node("QLinearMatMul", List.of(a, s3, z, b, s, z, s, z)), DataType.UINT8);
        QuantCheck.assertRejected(ob.toBytes(), UnsupportedModelException.class, "a_scale");
    }
}
