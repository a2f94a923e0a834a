package dev.edgec.core.ops.nn;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.FusedActivation;
import dev.edgec.wasm.Code;
import dev.edgec.wasm.ValType;
import java.util.ArrayList;
import java.util.List;

/**
 * Emits a direct convolution. Along each spatial dimension the outputs split, at compile time, into
 * runs whose windows keep the same taps inside the input (the interior is one run, each border
 * position near the padding another); every combination of runs gets a loop nest whose body is the
 * window clipped to those taps, fully unrolled with constant load offsets and the channel loop
 * unrolled too, accumulating on the wasm stack: no bounds checks anywhere. A pointwise convolution
 * is one run with a one-tap window, so it becomes a dot product over channels unrolled by up to 64.
 * When that would emit too much code (very large kernels or pads), positions use {@link TapWalker}.
 */
final class ConvKernel {
    /** Taps per unrolled block when several channels are unrolled together. */
    private static final int BLOCK_TAPS = 64;
    /** Most taps all unrolled bodies together may emit (about 10 bytes each) before falling back to loops. */
    private static final int MAX_EMITTED_TAPS = 16384;
    /** Elements per iteration of the fused-activation loop (a power of two). */
    private static final int ACTIVATION_UNROLL = 8;

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
    private final List<List<TapRun>> runs = new ArrayList<>();
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
    private final FusedActivation activation;

    ConvKernel(KernelWriter k, ConvOp.Plan p, int x, int w, int bias, int y, FusedActivation activation) {
        this.activation = activation;
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
        for (int i = 0; i < rank; i++) {
            runs.add(TapRun.of(g, i));
        }
        pos = new int[rank];
        rowBase = new int[rank];
        for (int i = 0; i < rank; i++) {
            pos[i] = k.newI32();
            rowBase[i] = k.newI32();
        }
        yp = k.newI32();
        xg = k.newI32();
        wm = k.newI32();
        biasValue = k.newLocal(ValType.F32);
        acc = k.newLocal(ValType.F32);
        xp = k.newI32();
        wp = k.newI32();
        pp = k.newI32();
    }

    /** Taps the unrolled bodies of all run combinations would emit. */
    private long emittedTaps() {
        long total = 0;
        int combinations = 1;
        for (List<TapRun> r : runs) {
            combinations *= r.size();
        }
        for (int combo = 0; combo < combinations; combo++) {
            long taps = 1;
            int rest = combo;
            for (List<TapRun> r : runs) {
                taps *= r.get(rest % r.size()).count();
                rest /= r.size();
            }
            total += taps * unrollFor((int) taps);
        }
        return total;
    }

    void emit() {
        int cg = p.channelsPerGroup();
        boolean unrolled = emittedTaps() <= MAX_EMITTED_TAPS;
        TapWalker walker = unrolled ? null : new TapWalker(k, g, inStrides, wStrides, false);
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
            if (unrolled) {
                positions(0, new TapRun[rank]);
            } else {
                walkedPositions(walker, 0);
            }
            activatePlane();
        }));
    }

    /**
     * Applies the fused activation to the output plane just written (yp is at its end), while it is
     * still in cache. A loop of its own rather than code at each store: the unrolled window bodies
     * stay straight-line code, which measured faster in wasmtime than activating at each store. The
     * loop is unrolled by up to {@link #ACTIVATION_UNROLL} elements with constant offsets, so that
     * it costs less than the standalone activation kernel it replaces, in interpreters too.
     */
    private void activatePlane() {
        if (activation.isNone()) {
            return;
        }
        int plane = 1;
        for (int d : g.output()) {
            plane *= d;
        }
        int unroll = ACTIVATION_UNROLL;
        while (plane % unroll != 0) {
            unroll /= 2;
        }
        int step = unroll;
        c.localGet(yp).i32Const(plane * 4).i32Sub().localSet(pp);
        k.forRange(plane / unroll, i -> {
            for (int e = 0; e < step; e++) {
                c.localGet(pp).localGet(pp).f32Load(e * 4);
                activation.emit(k);
                c.f32Store(e * 4);
            }
            Loops.add(c, pp, step * 4);
        });
    }

    /**
     * Emits the loops over the runs of dimension {@code i} on. {@code rowBase[i]} holds the input
     * address of the first valid tap of the current positions of dimensions 0..i, and {@code pp} that of
     * the current output, which moves by one stride per output of the innermost dimension.
     */
    private void positions(int i, TapRun[] chosen) {
        if (i == rank) {
            clippedWindow(chosen);
            Loops.add(c, pp, step(rank - 1));
            Loops.add(c, yp, 4);
            return;
        }
        for (TapRun r : runs.get(i)) {
            chosen[i] = r;
            int firstTapBytes = r.first() * g.dilations()[i] * inStrides[i] * 4;
            if (i == rank - 1) {
                pushRowBase(i - 1);
                c.i32Const(r.lo() * step(i) + firstTapBytes).i32Add().localSet(pp);
                Loops.range(k, pos[i], r.lo(), r.hi(), () -> positions(i + 1, chosen));
            } else {
                Loops.range(k, pos[i], r.lo(), r.hi(), () -> {
                    pushRowBase(i - 1);
                    c.localGet(pos[i]).i32Const(step(i)).i32Mul().i32Add();
                    if (firstTapBytes != 0) {
                        c.i32Const(firstTapBytes).i32Add();
                    }
                    c.localSet(rowBase[i]);
                    positions(i + 1, chosen);
                });
            }
        }
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

    /** Channels unrolled together for a window of {@code taps} taps: the largest divisor that fits a block. */
    private int unrollFor(int taps) {
        int cg = p.channelsPerGroup();
        for (int u = Math.min(cg, BLOCK_TAPS / Math.max(1, taps)); u > 1; u--) {
            if (cg % u == 0) {
                return u;
            }
        }
        return 1;
    }

    /** One output whose valid taps, per dimension, are the chosen runs' and start at pp. */
    private void clippedWindow(TapRun[] chosen) {
        int taps = 1;
        for (TapRun r : chosen) {
            taps *= r.count();
        }
        int u = unrollFor(taps);
        int blocks = p.channelsPerGroup() / u;
        if (blocks == 1 || taps == 0) {
            c.localGet(yp).localGet(biasValue);
            if (taps > 0) {
                unrolledTaps(chosen, u, pp, wm);
            }
            c.f32Store(0);
            return;
        }
        c.localGet(pp).localSet(xp);
        c.localGet(wm).localSet(wp);
        c.localGet(biasValue).localSet(acc);
        k.forRange(blocks, b -> {
            c.localGet(acc);
            unrolledTaps(chosen, u, xp, wp);
            c.localSet(acc);
            Loops.add(c, xp, u * inPlaneBytes);
            Loops.add(c, wp, u * filterBytes);
        });
        c.localGet(yp).localGet(acc).f32Store(0);
    }

    /** Adds to the f32 on the stack the products of {@code channels} channels' clipped windows, in order. */
    private void unrolledTaps(TapRun[] chosen, int channels, int xAt, int wAt) {
        int taps = 1;
        for (TapRun r : chosen) {
            taps *= r.count();
        }
        for (int ch = 0; ch < channels; ch++) {
            for (int t = 0; t < taps; t++) {
                int xOffset = ch * inPlaneBytes;
                int wOffset = ch * filterBytes;
                int rest = t;
                for (int i = rank - 1; i >= 0; i--) {
                    int ti = rest % chosen[i].count();
                    rest /= chosen[i].count();
                    xOffset += ti * g.dilations()[i] * inStrides[i] * 4;
                    wOffset += (chosen[i].first() + ti) * wStrides[i] * 4;
                }
                c.localGet(xAt).f32Load(xOffset);
                c.localGet(wAt).f32Load(wOffset);
                c.f32Mul().f32Add();
            }
        }
    }

    /** The fallback for huge windows: every position loops over its valid taps with a {@link TapWalker}. */
    private void walkedPositions(TapWalker walker, int i) {
        if (i < rank) {
            Loops.range(k, pos[i], 0, g.output()[i], () -> walkedPositions(walker, i + 1));
            return;
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
        Loops.add(c, yp, 4);
    }
}
