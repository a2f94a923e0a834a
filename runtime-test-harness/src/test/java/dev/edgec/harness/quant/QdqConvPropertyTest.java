package dev.edgec.harness.quant;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Random QDQ convolutions (the form ONNX Runtime's quantizer and PTQ write) against ONNX Runtime: each
 * draw picks a shape, strides, dilations, asymmetric pads or auto_pad, groups or depthwise, int8 or
 * uint8 activations, per-tensor or per-channel weights with or without zero points, a bias, a fused
 * Relu or Relu6-style Clip, and a requantization ratio from tiny to above 1 (so outputs saturate). The
 * fusion must lower every one to the integer kernel, and its output must stay within 1 of ONNX
 * Runtime's: the fixed-point multiplier rounds a product that lands on a half step the other way from
 * ONNX Runtime's float32 one (see {@code Requantizer}).
 */
class QdqConvPropertyTest {

    @Property(tries = 150)
    void randomQdqConvolutionsMatchOrt(@ForAll @IntRange(min = 1, max = 3) int rank,
                                       @ForAll @IntRange(min = 0, max = 2) int grouping,
                                       @ForAll @IntRange(min = 1, max = 3) int perGroupIn,
                                       @ForAll @IntRange(min = 1, max = 3) int perGroupOut,
                                       @ForAll @IntRange(min = 0, max = 4) int padding,
                                       @ForAll @IntRange(min = 0, max = 3) int weights,
                                       @ForAll @IntRange(min = 0, max = 2) int activation,
                                       @ForAll boolean int8Activations, @ForAll boolean bias,
                                       @ForAll @IntRange(min = 1, max = 2) int batch, @ForAll long seed) {
        Random rnd = new Random(seed);
        int groups = grouping == 0 ? 1 : grouping == 1 ? 2 : 3 + rnd.nextInt(4);
        int in = grouping == 2 ? 1 : perGroupIn; // grouping 2: depthwise, one input channel per group
        int out = grouping == 2 ? 1 : perGroupOut;
        int spatial = rank == 3 ? 2 : rank; // "rank 3" draws a 3-D convolution sometimes, 2-D otherwise
        if (rank == 3 && rnd.nextBoolean()) {
            spatial = 3;
        }
        int[] kernel = new int[spatial];
        int[] strides = new int[spatial];
        int[] dilations = new int[spatial];
        int[] size = new int[spatial];
        long[] pads = new long[2 * spatial];
        for (int d = 0; d < spatial; d++) {
            kernel[d] = 1 + rnd.nextInt(spatial == 3 ? 3 : 5);
            strides[d] = 1 + rnd.nextInt(3);
            dilations[d] = padding == 2 || padding == 3 ? 1 : 1 + rnd.nextInt(2); // ONNX Runtime: no dilation with SAME
            pads[d] = rnd.nextInt(3);
            pads[d + spatial] = rnd.nextInt(3);
            int extent = (kernel[d] - 1) * dilations[d] + 1;
            int padded = padding < 2 ? (int) (pads[d] + pads[d + spatial]) : padding == 4 ? 0 : extent - 1;
            size[d] = Math.max(1, extent - padded) + rnd.nextInt(spatial == 3 ? 4 : 9);
        }
        int[] x = new int[2 + spatial];
        x[0] = batch;
        x[1] = groups * in;
        System.arraycopy(size, 0, x, 2, spatial);
        int[] w = new int[2 + spatial];
        w[0] = groups * out;
        w[1] = in;
        System.arraycopy(kernel, 0, w, 2, spatial);

        List<Object> attrs = new ArrayList<>(List.of("kernel_shape", longs(kernel), "strides", longs(strides),
                "dilations", longs(dilations), "group", (long) groups));
        switch (padding) {
            case 0, 1 -> attrs.addAll(List.of("pads", pads));
            case 2 -> attrs.addAll(List.of("auto_pad", "SAME_UPPER"));
            case 3 -> attrs.addAll(List.of("auto_pad", "SAME_LOWER"));
            default -> attrs.addAll(List.of("auto_pad", "VALID"));
        }
        DataType act = int8Activations ? DataType.INT8 : DataType.UINT8;
        String what = String.format("x %s, w %s, %s, group %d, %s, weights %d, activation %d, bias %b, seed %d",
                Arrays.toString(x), Arrays.toString(w), act, groups, attrs, weights, activation, bias, seed);
        byte[] model = model(rnd, act, x, w, weights, activation, bias, attrs.toArray());
        QdqFusionTest.assertFused(model, "QLinearConv");
        QuantCheck.Difference d = QuantCheck.difference(model, Map.of("x", QuantCheck.floats(x, rnd, -4, 4)));
        assertTrue(d.max() <= 1, what + ": max |edgec - ORT| " + d.max() + " (" + d.count() + " of " + d.total() + ")");
    }

    /**
     * x → Q → DQ → Conv(DQ(w), DQ(bias)) → [Relu | Clip(0, c)] → Q → y. {@code weights}: 0 int8
     * per channel, 1 int8 per tensor (zero points 0, as symmetric quantizers write), 2 uint8 per channel
     * and 3 uint8 per tensor with a zero point near the middle. {@code activation}: see {@link #activation}.
     */
    private static byte[] model(Random rnd, DataType act, int[] x, int[] w, int weights, int activation, boolean bias,
                                Object[] attrs) {
        OnnxBuilder b = new OnnxBuilder("qdq_conv_property", 13);
        int m = w[0];
        int taps = 1;
        for (int i = 1; i < w.length; i++) {
            taps *= w[i];
        }
        boolean perChannel = weights % 2 == 0;
        DataType wt = weights < 2 ? DataType.INT8 : DataType.UINT8;
        int channels = perChannel ? m : 1;
        float xs = (float) (0.01 + rnd.nextDouble() * 0.05);
        Tensor ws = QuantCheck.scales(channels, rnd, 0.001, 0.03, !perChannel);
        // the requantization ratio xs·ws/ys spans ~1e-4 to above 1: from outputs that use a few levels to saturated ones
        double spread = Math.pow(10, -1.5 + rnd.nextDouble() * 2.5);
        float ys = (float) (xs * 0.015 * Math.sqrt(taps) * 127 * spread);
        // one zero point for every channel: ONNX Runtime's QLinearConv refuses per-channel zero points that differ
        long[] zeros = new long[channels];
        Arrays.fill(zeros, wt == DataType.UINT8 ? 100 + rnd.nextInt(56) : 0);
        Tensor wz = Tensor.ofLongs(wt, ws.shape(), zeros);
        String xsi = b.initializer("xs", Tensor.ofFloats(Shape.scalar(), xs));
        String xz = b.initializer("xz", QLinearMatMulTest.zeroPoint(act, 1, true, rnd));
        String xq = b.node("QuantizeLinear", List.of(b.input("x", DataType.FLOAT32, QuantCheck.longs(x)), xsi, xz));
        String xdq = b.node("DequantizeLinear", List.of(xq, xsi, xz));
        String wdq = b.node("DequantizeLinear", List.of(b.initializer("w", QuantCheck.randomInts(wt, w, rnd)),
                b.initializer("ws", ws), b.initializer("wz", wz)), "axis", 0L);
        List<String> convIn = new ArrayList<>(List.of(xdq, wdq));
        if (bias) {
            float[] bsv = new float[channels];
            for (int i = 0; i < channels; i++) {
                bsv[i] = xs * ws.toFloats()[i];
            }
            String bq = b.initializer("bias", QuantCheck.ints(DataType.INT32, new int[] {m}, rnd, -20000, 20000));
            // per-tensor weights give a scalar bias scale; DequantizeLinear then ignores the axis
            convIn.add(b.node("DequantizeLinear", List.of(bq, b.initializer("bs", Tensor.ofFloats(ws.shape(), bsv))),
                    "axis", 0L));
        }
        String y = b.node("Conv", convIn, attrs);
        Tensor yz = QLinearMatMulTest.zeroPoint(act, 1, true, rnd);
        y = activation(b, rnd, y, activation, act, ys, yz.getLong(0));
        b.output(b.node("QuantizeLinear", List.of(y, b.initializer("ys", Tensor.ofFloats(Shape.scalar(), ys)),
                b.initializer("yz", yz))), act);
        return b.toBytes();
    }

    /**
     * {@code y} through the drawn activation: 0 none, 1 Relu, 2 a Clip whose lower bound lies between the
     * output's lowest value and 0 and whose upper bound lies between 30% and 150% of its highest (so
     * either end of the quantized range may be narrowed, or neither).
     */
    static String activation(OnnxBuilder b, Random rnd, String y, int activation, DataType act, float ys, long yz) {
        if (activation == 1) {
            return b.node("Relu", List.of(y));
        }
        if (activation != 2) {
            return y;
        }
        long qmin = act == DataType.UINT8 ? 0 : -128;
        float lo = (float) (ys * (qmin - yz) * rnd.nextDouble());
        float hi = (float) (ys * (qmin + 255 - yz) * (0.3 + rnd.nextDouble() * 1.2));
        return b.node("Clip", List.of(y, b.initializer(b.fresh("lo"), Tensor.ofFloats(Shape.scalar(), lo)),
                b.initializer(b.fresh("hi"), Tensor.ofFloats(Shape.scalar(), hi))));
    }

    private static long[] longs(int[] v) {
        return Arrays.stream(v).asLongStream().toArray();
    }
}
