package dev.edgec.harness.quant;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgec.core.CompileOptions;
import dev.edgec.core.CompileResult;
import dev.edgec.core.Compiler;
import dev.edgec.ir.DataType;
import java.util.Map;
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

    /** 40x40 input: few windows touch the padding, so they take the checked loop, which starts from the bias. */
    @Test
    void borderLoopAddsTheBiasOnly() {
        CompileResult r = compile(4, 16, 40);
        assertTrue(placed(r).containsKey("bias"), "the checked loop reads the bias");
        assertFalse(placed(r).containsKey("ws"), "weight scales placed");
        assertFalse(placed(r).containsKey("wz"), "weight zero points placed");
        int[] x = {1, 4, 40, 40};
        QuantCheck.assertWithinOne("QDQ Conv with border loop", QdqFusionTest.convModel(DataType.INT8, true, true, x,
                new int[] {16, 4, 3, 3}), QdqFusionTest.input("x", x));
    }
}
