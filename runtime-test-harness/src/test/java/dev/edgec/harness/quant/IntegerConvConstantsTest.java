package dev.edgec.harness.quant;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgec.core.CompileOptions;
import dev.edgec.core.CompileResult;
import dev.edgec.core.Compiler;
import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * A per-channel QDQ convolution keeps in its data segment only what its integer kernel reads: the
 * int8 weights plus, per output channel, an int32 fixed-point multiplier, a u8 shift and one int32
 * {@code bias − x_zp·Σw} (9 bytes), and the bias itself only when windows touching the padding take
 * the unfolded loop. The weight scales and the all-zero weight zero points are not placed.
 */
class IntegerConvConstantsTest {
    private static final Compiler COMPILER = new Compiler();
    /** Alignment padding of the few constants a model places, at most 15 bytes each. */
    private static final long SLACK = 64;

    private static CompileResult compile(int channels, int filters, int size) {
        byte[] model = QdqFusionTest.convModel(DataType.INT8, true, true, new int[] {1, channels, size, size},
                new int[] {filters, channels, 3, 3});
        QdqFusionTest.assertFused(model, "QLinearConv");
        return COMPILER.compile(model, CompileOptions.defaults());
    }

    private static Map<String, Integer> placed(CompileResult r) {
        return r.assembled().addresses();
    }

    /** 12x12 input, 3x3 window, pads 1: the padded copy makes every window interior, so no bias is stored. */
    @Test
    void paddedCopyStoresNineBytesPerChannel() {
        int channels = 8;
        CompileResult small = compile(channels, 32, 12);
        CompileResult large = compile(channels, 64, 12);
        for (CompileResult r : new CompileResult[] {small, large}) {
            assertFalse(placed(r).containsKey("ws"), "weight scales placed");
            assertFalse(placed(r).containsKey("wz"), "weight zero points placed");
            assertFalse(placed(r).containsKey("bias"), "bias placed beside bias − correction");
        }
        // 32 more filters: 32 · 72 more weight bytes and 32 · 9 bytes of per-channel tables
        long perChannel = large.assembled().constantBytes() - small.assembled().constantBytes() - 32L * channels * 9;
        assertTrue(perChannel <= 32 * 9 + SLACK, "per-channel constants: " + perChannel + " bytes for 32 channels");
    }

    /**
     * 40x40 input with the checked loop forced (the {@code edgec.clipBorders} test hook): few windows
     * touch the padding, so they take the checked loop, which starts from the bias.
     */
    @Test
    void borderLoopAddsTheBiasOnly() {
        CompileResult r;
        System.setProperty("edgec.clipBorders", "never");
        try {
            r = compile(4, 16, 40);
        } finally {
            System.clearProperty("edgec.clipBorders");
        }
        assertTrue(placed(r).containsKey("bias"), "the checked loop reads the bias");
        assertFalse(placed(r).containsKey("ws"), "weight scales placed");
        assertFalse(placed(r).containsKey("wz"), "weight zero points placed");
        int[] x = {1, 4, 40, 40};
        QuantCheck.assertWithinOne("QDQ Conv with border loop", QdqFusionTest.convModel(DataType.INT8, true, true, x,
                new int[] {16, 4, 3, 3}), QdqFusionTest.input("x", x));
    }

    /** 40x40 input, clipped border windows: they start from per-region tables of bias − correction, not the bias. */
    @Test
    void clippedBordersDoNotStoreTheBias() {
        CompileResult r = compile(4, 16, 40);
        assertFalse(placed(r).containsKey("bias"), "bias placed beside the region tables");
        assertFalse(placed(r).containsKey("ws"), "weight scales placed");
    }

    /**
     * A bias given at run time (a graph input) cannot be folded: the folded windows start from it less
     * the stored correction. 12x12 takes the padded copy only; 40x40 the checked loop as well.
     */
    @ParameterizedTest
    @ValueSource(ints = {12, 40})
    void runTimeBiasLessTheCorrection(int size) {
        OnnxBuilder b = new OnnxBuilder("qconv_bias_input", 10);
        Random rnd = new Random(5);
        int m = 6;
        int[] x = {1, 3, size, size};
        String w = b.initializer("w", QuantCheck.randomInts(DataType.INT8, new int[] {m, 3, 3, 3}, rnd));
        String y = b.node("QLinearConv", List.of(b.input("x", DataType.UINT8, QuantCheck.longs(x)),
                b.initializer("xs", Tensor.ofFloats(Shape.scalar(), 0.03f)),
                b.initializer("xz", Tensor.ofLongs(DataType.UINT8, Shape.scalar(), 121)), w,
                b.initializer("ws", QuantCheck.scales(m, rnd, 0.002, 0.02, false)),
                b.initializer("wz", Tensor.ofLongs(DataType.INT8, Shape.of(m), new long[m])),
                b.initializer("ys", Tensor.ofFloats(Shape.scalar(), 0.4f)),
                b.initializer("yz", Tensor.ofLongs(DataType.UINT8, Shape.scalar(), 100)),
                b.input("bias", DataType.INT32, m)), "pads", new long[] {1, 1, 1, 1});
        b.output(y, DataType.UINT8);
        Map<String, Tensor> inputs = Map.of("x", QuantCheck.randomInts(DataType.UINT8, x, rnd),
                "bias", QuantCheck.ints(DataType.INT32, new int[] {m}, rnd, -20000, 20000));
        QuantCheck.assertWithinOne("QLinearConv with a run-time bias, " + size + "x" + size, b.toBytes(), inputs);
    }
}
