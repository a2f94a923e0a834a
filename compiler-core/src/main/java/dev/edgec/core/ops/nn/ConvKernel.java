package dev.edgec.core.ops.nn;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.wasm.Code;
import dev.edgec.wasm.ValType;

/**
 * Emits a direct convolution. Output positions whose window lies wholly inside the input (the
 * interior, a box found at compile time) run a fully unrolled window with constant load offsets, the
 * channel loop unrolled a few times too, accumulating on the wasm stack; positions near the border
 * walk only their valid taps ({@link TapWalker}). A pointwise convolution is all interior with a
 * one-tap window, so it becomes a dot product over channels unrolled by up to 8.
 */
final class ConvKernel {
    /** Above this many taps per channel the interior is not unrolled (code size). */
    private static final int MAX_UNROLLED_TAPS = 256;
    /** Taps per unrolled block when several channels are unrolled together. */
    private static final int BLOCK_TAPS = 64;

    private final KernelWriter k;
    private final Code c;
    private final ConvOp.Plan p;
    private final WindowGeometry g;
    private final int x;
    private final int w;
    private final int bias;
    private final int y;
    private final int rank;
    private final int[] inStrides;
    private final int[] wStrides;
    private final int inPlaneBytes;
    private final int filterBytes;
    private final int[] interiorLo;
    private final int[] interiorHi;
    private final boolean unrollInterior;
    private final int[] pos;
    private final int yp;
    private final int xg;
    private final int wm;
    private final int biasValue;
    private final int acc;
    private final int xp;
    private final int wp;
    private final int pp;
    private final int[] rowBase;
    private TapWalker walker;

    ConvKernel(KernelWriter k, ConvOp.Plan p, int x, int w, int bias, int y) {
        this.k = k;
        this.c = k.code();
        this.p = p;
        this.g = p.window();
        this.x = x;
        this.w = w;
        this.bias = bias;
        this.y = y;
        this.rank = g.rank();
        inStrides = new int[rank];
        wStrides = new int[rank];
        int in = 1;
        int kv = 1;
        for (int i = rank - 1; i >= 0; i--) {
            inStrides[i] = in;
            wStrides[i] = kv;
            in *= g.input()[i];
            kv *= g.kernel()[i];
        }
        inPlaneBytes = in * 4;
        filterBytes = kv * 4;
        interiorLo = new int[rank];
        interiorHi = new int[rank];
        for (int i = 0; i < rank; i++) {
            int lo = 0;
            while (lo < g.output()[i] && !g.inside(i, lo)) {
                lo++;
            }
            int hi = lo;
            while (hi < g.output()[i] && g.inside(i, hi)) {
                hi++;
            }
            interiorLo[i] = lo;
            interiorHi[i] = hi;
        }
        unrollInterior = kv <= MAX_UNROLLED_TAPS;
        pos = new int[rank];
        for (int i = 0; i < rank; i++) {
            pos[i] = k.newI32();
        }
        yp = k.newI32();
        xg = k.newI32();
        wm = k.newI32();
        biasValue = k.newLocal(ValType.F32);
        acc = k.newLocal(ValType.F32);
        xp = k.newI32();
        wp = k.newI32();
        pp = k.newI32();
        rowBase = new int[rank];
        for (int i = 0; i < rank; i++) {
            rowBase[i] = k.newI32();
        }
    }

    void emit() {
        int cg = p.channelsPerGroup();
        c.i32Const(y).localSet(yp);
        k.forRange(p.batch(), n -> k.forRange(p.filters(), m -> {
            // xg = X + (n * C + (m / filtersPerGroup) * channelsPerGroup) * plane
            c.localGet(n).i32Const(p.channels() * inPlaneBytes).i32Mul();
            c.localGet(m).i32Const(p.filtersPerGroup()).i32DivU().i32Const(cg * inPlaneBytes).i32Mul().i32Add();
            c.i32Const(x).i32Add().localSet(xg);
            c.localGet(m).i32Const(cg * filterBytes).i32Mul().i32Const(w).i32Add().localSet(wm);
            if (bias >= 0) {
                c.localGet(m).i32Const(2).i32Shl().f32Load(bias).localSet(biasValue);
            } else {
                c.f32Const(0f).localSet(biasValue);
            }
            positions(0, unrollInterior);
        }));
    }

    /**
     * Emits the loops over output positions of dimension {@code i} on, splitting off the interior.
     * On the interior path, {@code rowBase[i]} holds the input address of the window of the current
     * positions of dimensions 0..i (padding offset included), so each output adds one term.
     */
    private void positions(int i, boolean interiorSoFar) {
        if (i == rank) {
            if (interiorSoFar) {
                interiorBody();
                Loops.add(c, pp, step(rank - 1));
            } else {
                borderBody();
            }
            Loops.add(c, yp, 4);
            return;
        }
        int lo = interiorLo[i];
        int hi = interiorHi[i];
        int out = g.output()[i];
        if (!interiorSoFar || lo >= hi) {
            Loops.range(k, pos[i], 0, out, () -> positions(i + 1, false));
            return;
        }
        Loops.range(k, pos[i], 0, lo, () -> positions(i + 1, false));
        if (i == rank - 1) {
            // Innermost interior run: the window address moves by one stride per output.
            pushRowBase(i - 1);
            c.i32Const(lo * step(i)).i32Add().localSet(pp);
            Loops.range(k, pos[i], lo, hi, () -> positions(i + 1, true));
        } else {
            Loops.range(k, pos[i], lo, hi, () -> {
                pushRowBase(i - 1);
                c.localGet(pos[i]).i32Const(step(i)).i32Mul().i32Add().localSet(rowBase[i]);
                positions(i + 1, true);
            });
        }
        Loops.range(k, pos[i], hi, out, () -> positions(i + 1, false));
    }

    /** Pushes {@code rowBase[i]}, or for i = -1 the group's input plane shifted by the begin padding. */
    private void pushRowBase(int i) {
        if (i >= 0) {
            c.localGet(rowBase[i]);
            return;
        }
        int shift = 0;
        for (int d = 0; d < rank; d++) {
            shift -= g.padBegin()[d] * inStrides[d] * 4;
        }
        c.localGet(xg);
        if (shift != 0) {
            c.i32Const(shift).i32Add();
        }
    }

    /** Bytes the window moves in the input when the output index of dimension {@code i} grows by one. */
    private int step(int i) {
        return g.strides()[i] * inStrides[i] * 4;
    }

    /** One output whose window starts at pp, inside the input: unrolled taps at constant offsets. */
    private void interiorBody() {
        int cg = p.channelsPerGroup();
        int taps = filterBytes / 4;
        int unroll = 1;
        for (int u = Math.min(cg, BLOCK_TAPS / Math.max(1, taps)); u > 1; u--) {
            if (cg % u == 0) {
                unroll = u;
                break;
            }
        }
        int blocks = cg / unroll;
        int u = unroll;
        if (blocks == 1) {
            c.localGet(yp).localGet(biasValue);
            unrolledTaps(u, pp, wm);
            c.f32Store(0);
            return;
        }
        c.localGet(pp).localSet(xp);
        c.localGet(wm).localSet(wp);
        c.localGet(biasValue).localSet(acc);
        k.forRange(blocks, b -> {
            c.localGet(acc);
            unrolledTaps(u, xp, wp);
            c.localSet(acc);
            Loops.add(c, xp, u * inPlaneBytes);
            Loops.add(c, wp, u * filterBytes);
        });
        c.localGet(yp).localGet(acc).f32Store(0);
    }

    /** Adds to the f32 on the stack the products of {@code channels} channels' windows at x and w, in order. */
    private void unrolledTaps(int channels, int xAt, int wAt) {
        int taps = filterBytes / 4;
        for (int ch = 0; ch < channels; ch++) {
            for (int t = 0; t < taps; t++) {
                int xOffset = ch * inPlaneBytes;
                int rest = t;
                for (int i = rank - 1; i >= 0; i--) {
                    int ti = rest % g.kernel()[i];
                    rest /= g.kernel()[i];
                    xOffset += ti * g.dilations()[i] * inStrides[i] * 4;
                }
                c.localGet(xAt).f32Load(xOffset);
                c.localGet(wAt).f32Load(ch * filterBytes + t * 4);
                c.f32Mul().f32Add();
            }
        }
    }

    /** One output whose window overlaps the padding: loops over its valid taps only. */
    private void borderBody() {
        if (walker == null) {
            walker = new TapWalker(k, g, inStrides, wStrides, false);
        }
        walker.loadRanges(pos);
        c.localGet(xg);
        walker.pushInputOffset();
        c.i32Add().localSet(xp);
        c.localGet(wm);
        walker.pushWeightOffset();
        c.i32Add().localSet(wp);
        c.localGet(biasValue).localSet(acc);
        Runnable channel = () -> walker.walk(xp, wp, (xa, wa) ->
                c.localGet(acc).localGet(xa).f32Load(0).localGet(wa).f32Load(0).f32Mul().f32Add().localSet(acc));
        if (p.channelsPerGroup() == 1) {
            channel.run();
        } else {
            k.forRange(p.channelsPerGroup(), ch -> {
                channel.run();
                Loops.add(c, xp, inPlaneBytes);
                Loops.add(c, wp, filterBytes);
            });
        }
        c.localGet(yp).localGet(acc).f32Store(0);
    }
}
