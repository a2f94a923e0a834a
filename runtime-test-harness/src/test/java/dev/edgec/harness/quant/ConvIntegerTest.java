package dev.edgec.harness.quant;

import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** ConvInteger and MatMulInteger against ONNX Runtime: int32 outputs, exact. */
class ConvIntegerTest {

    static byte[] conv(DataType xt, int[] x, int[] w, boolean zeroPoints, Object... attrs) {
        OnnxBuilder b = new OnnxBuilder("convint", 10);
        Random rnd = new Random(21);
        List<String> ins = new ArrayList<>(List.of(b.input("x", xt, QuantCheck.longs(x)),
                b.initializer("w", QuantCheck.randomInts(DataType.UINT8, w, rnd))));
        if (zeroPoints) {
            ins.add(b.initializer("xz", Tensor.ofLongs(xt, Shape.scalar(), xt == DataType.UINT8 ? 128 : -3)));
            ins.add(b.initializer("wz", Tensor.ofLongs(DataType.UINT8, Shape.scalar(), 120)));
        }
        b.output(b.node("ConvInteger", ins, attrs), DataType.INT32);
        return b.toBytes();
    }

    @Test
    void convIntegerUint8WithZeroPointsAndPadding() {
        int[] x = {1, 3, 7, 7};
        QuantCheck.assertExact(conv(DataType.UINT8, x, new int[] {4, 3, 3, 3}, true, "pads", new long[] {1, 1, 1, 1}),
                Map.of("x", QuantCheck.randomInts(DataType.UINT8, x, new Random(1))));
    }

    @Test
    void convIntegerStridedGroupedWithoutZeroPoints() {
        int[] x = {2, 4, 9, 8};
        QuantCheck.assertExact(conv(DataType.UINT8, x, new int[] {6, 2, 3, 2}, false, "strides", new long[] {2, 1},
                "group", 2L), Map.of("x", QuantCheck.randomInts(DataType.UINT8, x, new Random(2))));
    }

    @Test
    void matMulIntegerWithZeroPoints() {
        for (DataType t : List.of(DataType.UINT8, DataType.INT8)) {
            OnnxBuilder b = new OnnxBuilder("mmint", 10);
            Random rnd = new Random(5);
            String a = b.input("a", t, 2, 5, 17);
            // ONNX Runtime implements uint8·uint8, uint8·int8 and int8·int8
            String bb = b.initializer("b", QuantCheck.randomInts(t, new int[] {17, 6}, rnd));
            String az = b.initializer("az", Tensor.ofLongs(t, Shape.scalar(), 7));
            String bz = b.initializer("bz", Tensor.ofLongs(t, Shape.scalar(), t == DataType.UINT8 ? 131 : -9));
            b.output(b.node("MatMulInteger", List.of(a, bb, az, bz)), DataType.INT32);
            QuantCheck.assertExact(b.toBytes(), Map.of("a", QuantCheck.randomInts(t, new int[] {2, 5, 17}, rnd)));
        }
    }

    @Test
    void matMulIntegerPerColumnZeroPoint() {
        OnnxBuilder b = new OnnxBuilder("mmint", 10);
        Random rnd = new Random(6);
        String a = b.input("a", DataType.UINT8, 4, 9);
        String bb = b.initializer("b", QuantCheck.randomInts(DataType.UINT8, new int[] {9, 5}, rnd));
        String bz = b.initializer("bz", QuantCheck.randomInts(DataType.UINT8, new int[] {5}, rnd));
        b.output(b.node("MatMulInteger", List.of(a, bb, "", bz)), DataType.INT32);
        QuantCheck.assertExact(b.toBytes(), Map.of("a", QuantCheck.randomInts(DataType.UINT8, new int[] {4, 9}, rnd)));
    }
}
