package dev.edgec.core.ops.nn;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.wasm.Code;
import java.util.function.BiConsumer;

/**
 * Emits loops over only the taps of a window that fall inside the input, for windows that may
 * overlap the padding. Each dimension gets a table, computed at compile time and placed in constant
 * data, giving per output index the byte offset of the first valid tap in the input and in the
 * weights, the valid tap count and a divisor count; so the emitted loops have no bounds checks.
 */
final class TapWalker {
    private static final int ROW_BYTES = 16;

    private final KernelWriter k;
    private final int rank;
    private final int[] tables;
    private final int[] xStep;
    private final int[] wStep;
    private final int[] xOff;
    private final int[] wOff;
    private final int[] count;
    private final int[] divisor;
    private final int[] xAt;
    private final int[] wAt;
    private final int[] counter;

    /**
     * @param inStrides element strides of the input's spatial dimensions within a plane
     * @param wStrides element strides of the kernel's dimensions in the weights, or null without weights
     * @param divideByPadded whether the divisor counts taps in the padding (AveragePool count_include_pad)
     */
    TapWalker(KernelWriter k, WindowGeometry g, int[] inStrides, int[] wStrides, boolean divideByPadded) {
        this.k = k;
        this.rank = g.rank();
        tables = new int[rank];
        xStep = new int[rank];
        wStep = new int[rank];
        xOff = new int[rank];
        wOff = new int[rank];
        count = new int[rank];
        divisor = new int[rank];
        xAt = new int[rank];
        wAt = new int[rank];
        counter = new int[rank];
        for (int i = 0; i < rank; i++) {
            int o = g.output()[i];
            long[] rows = new long[o * 4];
            for (int p = 0; p < o; p++) {
                int first = g.firstTap(i, p);
                rows[4 * p] = (long) (p * g.strides()[i] - g.padBegin()[i] + first * g.dilations()[i]) * inStrides[i] * 4;
                rows[4 * p + 1] = wStrides == null ? 0 : (long) first * wStrides[i] * 4;
                rows[4 * p + 2] = g.validTaps(i, p);
                // Counting the padding, ONNX Runtime divides by the whole window, even where ceil_mode
                // makes it reach past the end padding.
                rows[4 * p + 3] = divideByPadded ? g.kernel()[i] : g.validTaps(i, p);
            }
            // A window wholly in the padding has no valid tap; its offset is never used, keep it in range.
            for (int p = 0; p < o; p++) {
                if (rows[4 * p + 2] == 0) {
                    rows[4 * p] = 0;
                }
            }
            tables[i] = k.constantData(Tensor.ofLongs(DataType.INT32, Shape.of(o, 4), rows));
            xStep[i] = g.dilations()[i] * inStrides[i] * 4;
            wStep[i] = wStrides == null ? 0 : wStrides[i] * 4;
            xOff[i] = k.newI32();
            wOff[i] = k.newI32();
            count[i] = k.newI32();
            divisor[i] = k.newI32();
            xAt[i] = k.newI32();
            wAt[i] = k.newI32();
            counter[i] = k.newI32();
        }
    }

    /** Loads the tap ranges of the output position held in {@code positionLocals} (one per dimension). */
    void loadRanges(int[] positionLocals) {
        Code c = k.code();
        for (int i = 0; i < rank; i++) {
            int[] into = {xOff[i], wOff[i], count[i], divisor[i]};
            for (int f = 0; f < 4; f++) {
                c.localGet(positionLocals[i]).i32Const(4).i32Shl().i32Load(tables[i] + 4 * f).localSet(into[f]);
            }
        }
    }

    /** Pushes the byte offset of the first valid tap in the input, relative to the plane. */
    void pushInputOffset() {
        pushSum(xOff);
    }

    /** Pushes the byte offset of the first valid tap in the weights, relative to the filter. */
    void pushWeightOffset() {
        pushSum(wOff);
    }

    private void pushSum(int[] locals) {
        Code c = k.code();
        c.localGet(locals[0]);
        for (int i = 1; i < rank; i++) {
            c.localGet(locals[i]).i32Add();
        }
    }

    /** Pushes the window's divisor (product of the per-dimension divisor counts) as an i32. */
    void pushDivisor() {
        Code c = k.code();
        c.localGet(divisor[0]);
        for (int i = 1; i < rank; i++) {
            c.localGet(divisor[i]).i32Mul();
        }
    }

    /**
     * Emits the nested loops over the valid taps starting at the addresses in locals {@code xStart}
     * and {@code wStart} ({@code wStart} is ignored without weights); {@code tap} emits the work of one
     * tap given the locals holding its input and weight addresses.
     */
    void walk(int xStart, int wStart, BiConsumer<Integer, Integer> tap) {
        walk(0, xStart, wStart, tap);
    }

    private void walk(int i, int xFrom, int wFrom, BiConsumer<Integer, Integer> tap) {
        Code c = k.code();
        c.localGet(xFrom).localSet(xAt[i]);
        if (wStep[i] != 0) {
            c.localGet(wFrom).localSet(wAt[i]);
        }
        Loops.repeat(k, count[i], counter[i], () -> {
            if (i == rank - 1) {
                tap.accept(xAt[i], wAt[i]);
            } else {
                walk(i + 1, xAt[i], wAt[i], tap);
            }
            Loops.add(c, xAt[i], xStep[i]);
            if (wStep[i] != 0) {
                Loops.add(c, wAt[i], wStep[i]);
            }
        });
    }
}
