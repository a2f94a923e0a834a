package dev.edgec.core.ops.nn;

import dev.edgec.core.abi.RunStatus;
import dev.edgec.core.lower.KernelWriter;
import dev.edgec.wasm.Code;
import dev.edgec.wasm.ValType;

/**
 * Emits RoiAlign for one {@link RoiAlignOp.Plan}. Per region: check its batch index, derive its bins and
 * the samples per bin (sampling_ratio, or ceil(region size / output size) read at run time); per bin and
 * sample: one bilinear sample position (four corners and weights) shared by all channels, accumulated
 * straight into Y. The float32 operations follow ONNX Runtime's order. Samples outside [-1, size] are
 * skipped (see {@link #foldOutsideSamples}); a derived sample count that is not finite or above
 * {@link RoiAlignOp#MAX_SAMPLES_PER_AXIS} per axis is capped (NaN counts as 0), so no roi value makes
 * the kernel trap, and its work stays bounded.
 */
final class RoiAlignKernel {
    private final KernelWriter k;
    private final Code c;
    private final RoiAlignOp.Plan p;
    private final int x;
    private final int rois;
    private final int indices;
    private final int y;
    private final int batchByte;
    private final int startW;
    private final int startH;
    private final int binH;
    private final int binW;
    private final int gridH;
    private final int gridW;
    private final int count;
    private final int sampleY;
    private final int sampleX;
    private final int binByte;
    private final int first;
    private final int outside;
    private final int[] pos = new int[4];
    private final int[] weight = new int[4];
    private final int a;
    private final int b;

    RoiAlignKernel(KernelWriter k, RoiAlignOp.Plan p, int x, int rois, int indices, int y) {
        this.k = k;
        this.c = k.code();
        this.p = p;
        this.x = x;
        this.rois = rois;
        this.indices = indices;
        this.y = y;
        batchByte = k.newI32();
        startW = k.newLocal(ValType.F32);
        startH = k.newLocal(ValType.F32);
        binH = k.newLocal(ValType.F32);
        binW = k.newLocal(ValType.F32);
        gridH = k.newI32();
        gridW = k.newI32();
        count = k.newLocal(ValType.F32);
        sampleY = k.newLocal(ValType.F32);
        sampleX = k.newLocal(ValType.F32);
        binByte = k.newI32();
        first = k.newI32();
        outside = k.newI32();
        for (int i = 0; i < 4; i++) {
            pos[i] = k.newI32();
            weight[i] = k.newLocal(ValType.F32);
        }
        a = k.newLocal(ValType.F32);
        b = k.newLocal(ValType.F32);
    }

    void emit() {
        int plane = p.outH() * p.outW();
        k.forRange(p.rois(), r -> {
            batchIndex(r);
            region(r);
            k.forRange(p.outH(), ph -> k.forRange(p.outW(), pw -> {
                c.localGet(r).i32Const(p.c() * plane).i32Mul().localGet(ph).i32Const(p.outW()).i32Mul().i32Add();
                c.localGet(pw).i32Add().i32Const(2).i32Shl().localSet(binByte);
                forChannels((ch, out) -> c.localGet(out).f32Const(0).f32Store(y));
                c.i32Const(1).localSet(first);
                c.i32Const(0).localSet(outside);
                upTo(gridH, iy -> {
                    samplePosition(startH, ph, binH, iy, gridH, sampleY);
                    inside(sampleY, p.h());
                    c.if_();
                    upTo(gridW, ix -> {
                        samplePosition(startW, pw, binW, ix, gridW, sampleX);
                        inside(sampleX, p.w());
                        c.if_();
                        bilinear();
                        forChannels(this::accumulate);
                        c.i32Const(0).localSet(first);
                        c.else_();
                        c.i32Const(1).localSet(outside);
                        c.end();
                    });
                    c.else_();
                    // a whole row of samples outside: skip it, noting it if it has any
                    c.localGet(gridW).i32Const(0).i32GtS().localGet(outside).i32Or().localSet(outside);
                    c.end();
                });
                if (p.max()) {
                    foldOutsideSamples();
                } else {
                    forChannels((ch, out) -> c.localGet(out).localGet(out).f32Load(y).localGet(count).f32Div().f32Store(y));
                }
            }));
        });
    }

    /** Runs {@code body} per channel with an i32 local holding the byte offset of Y[r, ch, ph, pw]. */
    private void forChannels(ChannelBody body) {
        int out = k.newI32();
        k.forRange(p.c(), ch -> {
            c.localGet(ch).i32Const(4 * p.outH() * p.outW()).i32Mul().localGet(binByte).i32Add().localSet(out);
            body.emit(ch, out);
        });
    }

    private interface ChannelBody {
        void emit(int channelLocal, int outByteLocal);
    }

    /** for (i = 0; i < countLocal; i++) body, with a bound read at run time. */
    private void upTo(int countLocal, java.util.function.IntConsumer body) {
        int i = k.newI32();
        c.i32Const(0).localSet(i);
        c.block().loop();
        c.localGet(i).localGet(countLocal).i32GeS().brIf(1);
        body.accept(i);
        c.localGet(i).i32Const(1).i32Add().localSet(i).br(0);
        c.end().end();
    }

    private void batchIndex(int r) {
        int wide = k.newLocal(ValType.I64);
        c.localGet(r).i32Const(3).i32Shl().i64Load(indices).localTee(wide);
        // unsigned: a negative index is huge and fails the same test
        c.i64Const(p.n()).i64GeU().if_();
        k.fail(RunStatus.INDEX_OUT_OF_RANGE);
        c.end();
        c.localGet(wide).i32WrapI64().i32Const(4 * p.c() * p.h() * p.w()).i32Mul().localSet(batchByte);
    }

    /** Start, bin sizes, samples per bin and their count, from roi r = (x1, y1, x2, y2). */
    private void region(int r) {
        float offset = p.halfPixel() ? 0.5f : 0f;
        int roiW = k.newLocal(ValType.F32);
        int roiH = k.newLocal(ValType.F32);
        int roi = k.newI32();
        c.localGet(r).i32Const(4).i32Shl().localSet(roi);
        scaled(roi, 0, offset);
        c.localSet(startW);
        scaled(roi, 4, offset);
        c.localSet(startH);
        scaled(roi, 8, offset);
        c.localGet(startW).f32Sub().localSet(roiW);
        scaled(roi, 12, offset);
        c.localGet(startH).f32Sub().localSet(roiH);
        if (!p.halfPixel()) {
            // malformed regions are forced to at least one pixel
            atLeastOne(roiW);
            atLeastOne(roiH);
        }
        c.localGet(roiH).f32Const(p.outH()).f32Div().localSet(binH);
        c.localGet(roiW).f32Const(p.outW()).f32Div().localSet(binW);
        samplesPerBin(roiH, p.outH(), gridH);
        samplesPerBin(roiW, p.outW(), gridW);
        c.localGet(gridH).localGet(gridW).i32Mul().localTee(roi).i32Const(1).localGet(roi).i32Const(1).i32GtS().select();
        c.f32ConvertI32S().localSet(count);
    }

    private void scaled(int roi, int offset, float shift) {
        c.localGet(roi).f32Load(rois + offset).f32Const(p.spatialScale()).f32Mul();
        if (shift != 0) {
            c.f32Const(shift).f32Sub();
        }
    }

    private void atLeastOne(int local) {
        c.f32Const(1).localGet(local).localGet(local).f32Const(1).f32Lt().select().localSet(local);
    }

    private void samplesPerBin(int size, int bins, int into) {
        if (p.samplingRatio() > 0) {
            c.i32Const(p.samplingRatio()).localSet(into);
            return;
        }
        int t = k.newLocal(ValType.F32);
        c.localGet(size).f32Const(bins).f32Div().f32Ceil().localSet(t);
        // NaN and negatives give no samples; the cap keeps the conversion from trapping
        c.localGet(t).f32Const(0).localGet(t).f32Const(0).f32Ge().select();
        c.f32Const(RoiAlignOp.MAX_SAMPLES_PER_AXIS).f32Min().i32TruncF32S().localSet(into);
    }

    /** into = start + bin * size + (i + 0.5) * size / samples. */
    private void samplePosition(int start, int bin, int size, int i, int samples, int into) {
        c.localGet(start).localGet(bin).f32ConvertI32S().localGet(size).f32Mul().f32Add();
        c.localGet(i).f32ConvertI32S().f32Const(0.5f).f32Add().localGet(size).f32Mul();
        c.localGet(samples).f32ConvertI32S().f32Div().f32Add().localSet(into);
    }

    /** Pushes whether the coordinate lies in [-1, size] (false for NaN): samples outside weigh zero. */
    private void inside(int coordinate, int size) {
        c.localGet(coordinate).f32Const(-1).f32Ge().localGet(coordinate).f32Const(size).f32Le().i32And();
    }

    /**
     * A sample outside the input has zero weights on pixel (0, 0): it adds nothing to an average, and to
     * a max it brings 0 · X[0, 0] once, however many such samples there were. So they are skipped in the
     * loops (which keeps the work bounded by the samples inside) and folded in here.
     */
    private void foldOutsideSamples() {
        c.localGet(outside).if_();
        forChannels((ch, out) -> {
            c.f32Const(0).localGet(ch).i32Const(4 * p.h() * p.w()).i32Mul().localGet(batchByte).i32Add().f32Load(x);
            c.f32Mul().localSet(b);
            c.localGet(b).localGet(out).f32Load(y).localGet(first).select().localSet(a);
            larger();
            c.localGet(out).localGet(a).f32Store(y);
        });
        c.end();
    }

    /** The four corners and weights of the sample at (sampleY, sampleX), which lies inside the input. */
    private void bilinear() {
        int yLow = k.newI32();
        int yHigh = k.newI32();
        int xLow = k.newI32();
        int xHigh = k.newI32();
        int ly = k.newLocal(ValType.F32);
        int lx = k.newLocal(ValType.F32);
        corner(sampleY, p.h(), yLow, yHigh, ly);
        corner(sampleX, p.w(), xLow, xHigh, lx);
        c.f32Const(1).localGet(ly).f32Sub().localSet(a);
        c.f32Const(1).localGet(lx).f32Sub().localSet(b);
        c.localGet(a).localGet(b).f32Mul().localSet(weight[0]);
        c.localGet(a).localGet(lx).f32Mul().localSet(weight[1]);
        c.localGet(ly).localGet(b).f32Mul().localSet(weight[2]);
        c.localGet(ly).localGet(lx).f32Mul().localSet(weight[3]);
        position(yLow, xLow, pos[0]);
        position(yLow, xHigh, pos[1]);
        position(yHigh, xLow, pos[2]);
        position(yHigh, xHigh, pos[3]);
    }

    /** Low and high pixel of a coordinate known to lie in [-1, size], and its fraction past the low one. */
    private void corner(int coordinate, int size, int low, int high, int fraction) {
        int at = k.newLocal(ValType.F32);
        c.f32Const(0).localGet(coordinate).localGet(coordinate).f32Const(0).f32Le().select().localTee(at);
        c.i32TruncF32S().localTee(low).i32Const(size - 1).i32GeS().if_();
        c.i32Const(size - 1).localTee(low).localSet(high);
        c.f32Const(size - 1).localSet(at);
        c.else_();
        c.localGet(low).i32Const(1).i32Add().localSet(high);
        c.end();
        c.localGet(at).localGet(low).f32ConvertI32S().f32Sub().localSet(fraction);
    }

    private void position(int row, int col, int into) {
        c.localGet(row).i32Const(p.w()).i32Mul().localGet(col).i32Add().i32Const(2).i32Shl().localSet(into);
    }

    /** Adds (avg) or maxes (max) the sample of channel {@code ch} into Y at the byte in {@code out}. */
    private void accumulate(int ch, int out) {
        int channel = k.newI32();
        c.localGet(ch).i32Const(4 * p.h() * p.w()).i32Mul().localGet(batchByte).i32Add().localSet(channel);
        if (!p.max()) {
            c.localGet(out).localGet(out).f32Load(y);
            for (int i = 0; i < 4; i++) {
                weighted(channel, i);
                if (i > 0) {
                    c.f32Add();
                }
            }
            c.f32Add().f32Store(y);
            return;
        }
        weighted(channel, 0);
        c.localSet(a);
        for (int i = 1; i < 4; i++) {
            weighted(channel, i);
            c.localSet(b);
            larger();
        }
        // the first sample sets the bin, later ones can only raise it: Y = max(first ? v : Y, v)
        c.localGet(a).localSet(b);
        c.localGet(b).localGet(out).f32Load(y).localGet(first).select().localSet(a);
        larger();
        c.localGet(out).localGet(a).f32Store(y);
    }

    private void weighted(int channel, int i) {
        c.localGet(weight[i]).localGet(channel).localGet(pos[i]).i32Add().f32Load(x).f32Mul();
    }

    /** a = std::max(a, b), which keeps a unless a < b (so a NaN a stays). */
    private void larger() {
        c.localGet(b).localGet(a).localGet(a).localGet(b).f32Lt().select().localSet(a);
    }
}
