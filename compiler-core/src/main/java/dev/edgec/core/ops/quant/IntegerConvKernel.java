package dev.edgec.core.ops.quant;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.nn.ConvOp;
import dev.edgec.core.ops.nn.TapRun;
import dev.edgec.core.ops.nn.WindowGeometry;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.wasm.Code;
import dev.edgec.wasm.ValType;
import java.util.function.IntSupplier;

/**
 * Emits a direct integer convolution: per output, {@code acc = bias[m] + Σ (x - x_zp)(w - w_zp[m])}
 * over the group's channels and the window's taps in i32, then the {@link AccumulatorSink} gives the
 * stored value. X and W are 8-bit, so element offsets are byte offsets. Taps falling in the padding add
 * nothing (a padded input equals its zero point). With constant weights and zero points the outputs
 * split into regions whose windows keep the same in-bounds taps ({@link ClippedRegions}), each with an
 * unrolled window of only those taps, when that saves enough; otherwise border windows read a
 * zero-point-padded copy of X ({@link #padInput}) or skip padded taps by an unsigned range check per
 * dimension, and interior windows are unrolled with constant offsets. Integer only.
 */
final class IntegerConvKernel {
    /** Largest window unrolled for interior outputs (about 14 bytes of code per tap). */
    private static final int MAX_UNROLLED_TAPS = 512;
    /** Share of outputs touching the padding from which copying X into a padded buffer pays (see {@link #paddedInputBytes}). */
    private static final double MIN_BORDER_SHARE = 0.1;
    /** Taps per unrolled block when several channels of a folded interior window are unrolled together. */
    private static final int BLOCK_TAPS = 64;
    /** Longest row of X, in 8-byte words, whose copy into the padded buffer is unrolled. */
    private static final int UNROLLED_ROW_WORDS = 2;

    private final KernelWriter k;
    private final Code c;
    private final ConvOp.Plan p;
    private final WindowGeometry g;
    private final int rank;
    private final int[] inStrides;
    private final int[] wStrides;
    private final int plane;
    private final int kernelVolume;
    /** Per dimension the outputs whose window is inside the input, or null: see {@link #interiorRanges}. */
    private final int[][] interior;
    /** Per filter the int32 {@code x_zp · Σ (w − w_zp)}, or null: see {@link #foldZeroPoints}. */
    private long[] corr;
    /** The weight zero point is a constant 0 everywhere, so the kernel does not subtract it. */
    private boolean weightZeroIsZero;
    /** Per filter {@code Σ |w − w_zp|} and the constant x zero point, set by {@link #foldZeroPoints}; null if not folded. */
    private long[] weightSums;
    private long inputZeroPoint;
    /** Locals holding the current filter's weights less their zero point, or null: see {@link #newWeightLocals}. */
    private int[] weightLocals;
    /** The constant bias (zeros when absent), or null: see {@link #constantBias}. */
    private long[] biasValues;
    /** The constant weights and weight zero points, set by {@link #foldZeroPoints}. */
    private long[] weights;
    private long[] weightZeros;
    /** Per region of {@link #regions}, the local holding its windows' start value for the current filter. */
    private int[] regionStarts;

    IntegerConvKernel(KernelWriter k, ConvOp.Plan p) {
        this.k = k;
        this.c = k.code();
        this.p = p;
        this.g = p.window();
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
        plane = in;
        kernelVolume = kv;
        interior = interiorRanges();
    }

    /**
     * With constant weights and zero points: interior windows (no padding) then compute
     * {@code Σ x (w − w_zp) − x_zp Σ (w − w_zp)} with the second term a per-filter constant, so their
     * inner loop multiplies raw loads like the float kernel (load, load, multiply, add) instead of
     * subtracting both zero points per tap; a weight zero point of 0 is not subtracted anywhere. Exact:
     * i32 arithmetic wraps, and the true result fits. Call before {@link #emit}; a null argument leaves
     * the kernel as it was. The correction is placed in the data segment by {@link #emit}, only when an
     * interior window is emitted, and as one table {@code bias − corr} when the bias is constant.
     */
    IntegerConvKernel foldZeroPoints(Tensor w, Tensor xZp, Tensor wZp) {
        if (w == null || xZp == null && xZpGiven || wZp == null && wZpGiven) {
            return this;
        }
        int filters = p.filters();
        long[] wv = w.toLongs();
        long[] wz = wZp == null ? new long[1] : wZp.toLongs();
        long zx = xZp == null ? 0 : xZp.getLong(0);
        weightZeroIsZero = java.util.Arrays.stream(wz).allMatch(v -> v == 0);
        int per = wv.length / filters;
        corr = new long[filters];
        for (int m = 0; m < filters; m++) {
            long zw = wz[wz.length == 1 ? 0 : m];
            long sum = 0;
            for (int i = 0; i < per; i++) {
                sum += wv[m * per + i] - zw;
            }
            corr[m] = (int) (zx * sum);
        }
        weightSums = new long[filters];
        for (int m = 0; m < filters; m++) {
            long zw = wz[wz.length == 1 ? 0 : m];
            for (int i = 0; i < per; i++) {
                weightSums[m] += Math.abs(wv[m * per + i] - zw);
            }
        }
        inputZeroPoint = zx;
        weights = wv;
        weightZeros = wz;
        return this;
    }

    /**
     * Gives the bias when it is a constant or absent ({@code given} false), so that {@link #emit} can tell
     * the sink a bound of each channel's accumulator ({@link AccumulatorSink#accumulatorBounds}).
     */
    IntegerConvKernel constantBias(boolean given, Tensor bias) {
        if (!given) {
            biasValues = new long[p.filters()];
        } else if (bias != null) {
            biasValues = bias.toLongs();
        }
        return this;
    }

    /**
     * Per filter, a bound of {@code |acc|}: {@code |bias| + max|x − x_zp| · Σ |w − w_zp|}, or null when
     * unknown or when an accumulator could leave the i32 range (it would wrap).
     */
    private long[] accumulatorBounds(DataType xt) {
        if (weightSums == null || biasValues == null) {
            return null;
        }
        QuantRange xr = QuantRange.of(xt);
        long maxX = Math.max(Math.abs(xr.min() - inputZeroPoint), Math.abs(xr.max() - inputZeroPoint));
        long[] bounds = new long[weightSums.length];
        for (int m = 0; m < bounds.length; m++) {
            bounds[m] = Math.abs(biasValues[m]) + maxX * weightSums[m];
            if (bounds[m] > Integer.MAX_VALUE) {
                return null;
            }
        }
        return bounds;
    }

    /**
     * Bytes of the padded copy of X that {@link #padInput} writes, or 0 when it does not pay: no
     * padding, a window too large to unroll, border windows clipped instead ({@link #clipsBorders}), or
     * fewer than {@link #MIN_BORDER_SHARE} of the outputs with a window touching the padding (those take
     * the checked loop, about 4 times slower per tap).
     */
    static long paddedInputBytes(ConvOp.Plan p) {
        Border b = Border.of(p);
        return b.unrollable() && !clipsBorders(p, b) && b.share() >= MIN_BORDER_SHARE ? b.copyBytes() : 0;
    }

    /**
     * Whether outputs whose window touches the padding get windows clipped to their taps inside the
     * input (see {@link ClippedRegions}) rather than the padded copy or the checked loop; needs the zero
     * points folded.
     */
    static boolean clipsBorders(ConvOp.Plan p) {
        Border b = Border.of(p);
        return b.unrollable() && clipsBorders(p, b);
    }

    /**
     * What the padding does to a plan's outputs: whether some window can reach it and the window is
     * small enough to unroll, the share of outputs whose window touches it, and the bytes of a padded
     * copy of X (rounded up to whole 8-byte words, which {@link #fillWithZeroPoint} stores).
     */
    private record Border(boolean unrollable, double share, long copyBytes) {
        static Border of(ConvOp.Plan p) {
            WindowGeometry g = p.window();
            boolean padded = false;
            long volume = 1;
            long kernel = 1;
            long inside = 1;
            long outputs = 1;
            for (int i = 0; i < g.rank(); i++) {
                padded |= g.padBegin()[i] > 0 || g.padEnd()[i] > 0;
                volume *= g.input()[i] + g.padBegin()[i] + g.padEnd()[i];
                kernel *= g.kernel()[i];
                int lo = Math.floorDiv(g.padBegin()[i] + g.strides()[i] - 1, g.strides()[i]);
                int last = g.input()[i] - 1 - (g.kernel()[i] - 1) * g.dilations()[i] + g.padBegin()[i];
                int hi = last < 0 ? 0 : Math.min(g.output()[i], Math.floorDiv(last, g.strides()[i]) + 1);
                inside *= Math.max(0, hi - lo);
                outputs *= g.output()[i];
            }
            return new Border(padded && kernel <= MAX_UNROLLED_TAPS, 1 - (double) inside / outputs,
                    ((long) p.batch() * p.channels() * volume + 7) / 8 * 8);
        }
    }

    private static boolean clipsBorders(ConvOp.Plan p, Border b) {
        int channels = blockChannels(p);
        // the fill stores a word per 11 instructions; each row copy costs about as much again
        long copyInstructions = b.copyBytes() / 8 * 22;
        return new ClippedRegions(p.window()).pays(p, b.share() >= MIN_BORDER_SHARE, channels,
                channels == p.channelsPerGroup(), copyInstructions);
    }

    /**
     * Copies X into {@code scratch} ({@link #paddedInputBytes} bytes) with the padding filled with X's
     * zero point, and returns the kernel for that copy: same outputs, no padding, so every window is
     * interior (a padded tap reads the zero point, so it adds 0, as the checked loop's skipped tap did).
     * Needs {@link #foldZeroPoints} to have folded.
     */
    /** {@link #padInput} when {@code pad} and the zero points folded, else this kernel. */
    IntegerConvKernel padInputIf(boolean pad, int x, DataType xt, ZeroPoint xZp, int scratch) {
        return pad && corr != null ? padInput(x, xt, xZp, scratch) : this;
    }

    IntegerConvKernel padInput(int x, DataType xt, ZeroPoint xZp, int scratch) {
        int[] padded = new int[rank];
        int[] pStrides = new int[rank];
        int volume = 1;
        for (int i = rank - 1; i >= 0; i--) {
            padded[i] = g.input()[i] + g.padBegin()[i] + g.padEnd()[i];
            pStrides[i] = volume;
            volume *= padded[i];
        }
        int planes = p.batch() * p.channels();
        int zx = k.newI32();
        xZp.load(k, -1, zx);
        fillWithZeroPoint(zx, scratch, planes * volume);
        int src = k.newI32();
        int[] dst = new int[rank + 1];
        for (int i = 0; i <= rank; i++) {
            dst[i] = k.newI32();
        }
        c.i32Const(0).localSet(src);
        int pVolume = volume;
        k.forRange(planes, pl -> {
            int begin = 0;
            for (int i = 0; i < rank; i++) {
                begin += g.padBegin()[i] * pStrides[i];
            }
            c.localGet(pl).i32Const(pVolume).i32Mul().i32Const(begin).i32Add().localSet(dst[0]);
            copyRows(0, x, xt, scratch, src, dst, pStrides);
        });
        int[] zeros = new int[rank];
        WindowGeometry pg = new WindowGeometry(padded, g.kernel(), g.strides(), g.dilations(), zeros, zeros, g.output());
        IntegerConvKernel r = new IntegerConvKernel(k, new ConvOp.Plan(p.batch(), p.channels(), p.filters(), p.group(), pg));
        r.corr = corr;
        r.weightZeroIsZero = weightZeroIsZero;
        r.paddedCopy = scratch;
        r.weightSums = weightSums;
        r.inputZeroPoint = inputZeroPoint;
        r.biasValues = biasValues;
        return r;
    }

    /**
     * Stores the 8-bit zero point in local {@code zx} into {@code bytes} bytes at {@code scratch}, eight
     * at a time (an i64 holding it in every byte): an interpreter runs one store per 8 bytes instead of
     * one per byte, and the fill was a fifth of a small depthwise layer's instructions.
     */
    private void fillWithZeroPoint(int zx, int scratch, int bytes) {
        // the scratch buffer is a whole number of words (paddedInputBytes rounds it up)
        int pattern = k.newLocal(ValType.I64);
        c.localGet(zx).i32Const(0xff).i32And().i64ExtendI32U().i64Const(0x0101010101010101L).i64Mul().localSet(pattern);
        k.forRange((bytes + 7) / 8, i -> c.localGet(i).i32Const(3).i32Shl().localGet(pattern).i64Store(scratch));
    }

    /**
     * Copies one row of {@code length} bytes from X at local {@code src} to the padded copy at local
     * {@code dst}: 8 bytes per i64 load and store (unrolled for rows of up to {@link #UNROLLED_ROW_WORDS}
     * words), then the last 4, 2 and 1 bytes. Unaligned accesses are valid wasm; the values are bytes either way.
     */
    private void copyRow(int x, int scratch, int src, int dst, int length) {
        int words = length / 8;
        if (words > UNROLLED_ROW_WORDS) {
            k.forRange(words, w -> {
                c.localGet(dst).localGet(w).i32Const(3).i32Shl().i32Add();
                c.localGet(src).localGet(w).i32Const(3).i32Shl().i32Add().i64Load(x).i64Store(scratch);
            });
        } else {
            for (int w = 0; w < words; w++) {
                c.localGet(dst).localGet(src).i64Load(x + 8 * w).i64Store(scratch + 8 * w);
            }
        }
        int b = words * 8;
        if (length - b >= 4) {
            c.localGet(dst).localGet(src).i32Load(x + b).i32Store(scratch + b);
            b += 4;
        }
        if (length - b >= 2) {
            c.localGet(dst).localGet(src).i32Load16U(x + b).i32Store16(scratch + b);
            b += 2;
        }
        if (length - b == 1) {
            c.localGet(dst).localGet(src).i32Load8U(x + b).i32Store8(scratch + b);
        }
    }

    /** Copies the input rows of dimension {@code i} on, {@code src} running through X. */
    private void copyRows(int i, int x, DataType xt, int scratch, int src, int[] dst, int[] pStrides) {
        if (i == rank - 1) {
            // the innermost dimension is contiguous in both: one row copy
            copyRow(x, scratch, src, dst[i], g.input()[i]);
            c.localGet(src).i32Const(g.input()[i]).i32Add().localSet(src);
            return;
        }
        k.forRange(g.input()[i], j -> {
            c.localGet(dst[i]).localGet(j).i32Const(pStrides[i]).i32Mul().i32Add().localSet(dst[i + 1]);
            copyRows(i + 1, x, xt, scratch, src, dst, pStrides);
        });
    }

    /** Address of the padded copy of X this kernel reads instead of X (see {@link #padInput}), or -1. */
    private int paddedCopy = -1;
    private boolean xZpGiven = true;
    private boolean wZpGiven = true;

    /** Says which zero points the node has at all (an absent one is 0); call before {@link #foldZeroPoints}. */
    IntegerConvKernel zeroPointsGiven(boolean x, boolean w) {
        xZpGiven = x;
        wZpGiven = w;
        return this;
    }

    /**
     * @param xAddress address of X (a kernel from {@link #padInput} reads its padded copy instead)
     * @param bias gives the address of the int32 bias, or null when there is none; asked only when some
     *             emitted path reads the bias itself (see {@link #startTable})
     */
    void emit(int xAddress, DataType xt, ZeroPoint xZp, int w, DataType wt, ZeroPoint wZp, IntSupplier bias, int y,
              DataType yt, AccumulatorSink sink) {
        int x = paddedCopy >= 0 ? paddedCopy : xAddress;
        int cg = p.channelsPerGroup();
        int xg = k.newI32();
        int wm = k.newI32();
        weightBase = wm;
        int xc = k.newI32();
        int wc = k.newI32();
        int yp = k.newI32();
        int acc = k.newI32();
        int zx = k.newI32();
        int zw = k.newI32();
        int[] pos = new int[rank];
        int[] tap = new int[rank];
        int[] ix = new int[rank];
        int[] xOff = new int[rank];
        int[] wOff = new int[rank];
        for (int i = 0; i < rank; i++) {
            pos[i] = k.newI32();
            tap[i] = k.newI32();
            ix[i] = k.newI32();
            xOff[i] = k.newI32();
            wOff[i] = k.newI32();
        }
        long[] bounds = accumulatorBounds(xt);
        if (bounds != null) {
            sink.accumulatorBounds(bounds);
        }
        xZp.load(k, -1, zx);
        ClippedRegions regions = corr != null && paddedCopy < 0 && clipsBorders(p) ? new ClippedRegions(g) : null;
        weightLocals = newWeightLocals(regions != null);
        boolean foldedInterior = corr != null && (interior != null || regions != null);
        // the checked loop (windows touching the padding) and the unfolded window start from the bias itself
        boolean biasPerOutput = !foldedInterior || regions == null && !allInterior();
        boolean runtimeBias = bias != null && biasValues == null;
        int startTable = foldedInterior ? startTable(runtimeBias) : -1;
        int biasAddress = bias != null && (biasPerOutput || foldedInterior && runtimeBias) ? bias.getAsInt() : -1;
        int biasLocal = biasAddress >= 0 ? k.newI32() : -1;
        int start = foldedInterior ? k.newI32() : -1;
        int rowBase = interior != null ? k.newI32() : -1;
        int[] tables = regions != null ? regionTables(regions, runtimeBias, start) : null;
        Runnable initAcc = () -> {
            if (biasAddress >= 0) {
                c.localGet(biasLocal).localSet(acc);
            } else {
                c.i32Const(0).localSet(acc);
            }
        };
        c.i32Const(0).localSet(yp);
        k.forRange(p.batch(), n -> k.forRange(p.filters(), m -> {
            // xg = byte address of the group's first input channel, wm = of the filter's first weight:
            // addresses, so that the windows' loads have short constant offsets (less code)
            if (p.batch() == 1) {
                c.i32Const(x);
            } else {
                c.localGet(n).i32Const(p.channels() * plane).i32Mul().i32Const(x).i32Add();
            }
            if (p.group() > 1) {
                c.localGet(m);
                if (p.filtersPerGroup() > 1) {
                    c.i32Const(p.filtersPerGroup()).i32DivU();
                }
                c.i32Const(cg * plane).i32Mul().i32Add();
            }
            c.localSet(xg);
            c.localGet(m).i32Const(cg * kernelVolume).i32Mul().i32Const(w).i32Add().localSet(wm);
            wZp.load(k, m, zw);
            // per filter, not per output: the bias, and for folded windows bias − x_zp Σ (w − w_zp)
            if (biasAddress >= 0) {
                c.localGet(m).i32Const(2).i32Shl().i32Load(biasAddress).localSet(biasLocal);
            }
            if (start >= 0) {
                if (runtimeBias) {
                    c.localGet(biasLocal);
                }
                c.localGet(m).i32Const(2).i32Shl().i32Load(startTable);
                if (runtimeBias) {
                    c.i32Sub();
                }
                c.localSet(start);
            }
            if (weightLocals != null) {
                loadWeightLocals(wm, zw, w, wt);
            }
            sink.beginChannel(m);
            if (regions != null) {
                setRegionStarts(regions, tables, m, start, biasLocal, runtimeBias);
                new RegionEmitter(regions, xg, wm, acc, yp, zw, x, xt, w, wt, y, yt, sink, m).positions(0,
                        new TapRun[rank]);
                return;
            }
            Runnable row = rowBase < 0 ? () -> { } : () -> pushRowBase(pos, xg, rowBase);
            outputs(0, pos, row, () -> {
                Runnable checked = () -> {
                    initAcc.run();
                    c.localGet(xg).localSet(xc);
                    c.localGet(wm).localSet(wc);
                    k.forRange(cg, ch -> {
                        taps(0, pos, tap, ix, xOff, wOff, () -> {
                            c.localGet(acc);
                            c.localGet(xc).localGet(xOff[rank - 1]).i32Add();
                            k.load(xt, 0);
                            c.localGet(zx).i32Sub();
                            c.localGet(wc).localGet(wOff[rank - 1]).i32Add();
                            k.load(wt, 0);
                            if (!weightZeroIsZero) {
                                c.localGet(zw).i32Sub();
                            }
                            c.i32Mul().i32Add().localSet(acc);
                        });
                        c.localGet(xc).i32Const(plane).i32Add().localSet(xc);
                        c.localGet(wc).i32Const(kernelVolume).i32Add().localSet(wc);
                    });
                };
                Runnable window = () -> unrolledWindow(pos, rowBase, wm, xc, wc, acc, zx, zw, x, xt, w, wt, initAcc,
                        start);
                if (interior == null) {
                    checked.run();
                } else if (allInterior()) {
                    window.run();
                } else {
                    pushInside(pos);
                    c.if_();
                    window.run();
                    c.else_();
                    checked.run();
                    c.end();
                }
                k.pushByteOffset(yp, yt);
                sink.push(acc, m);
                k.store(yt, y);
                c.localGet(yp).i32Const(1).i32Add().localSet(yp);
            });
        }));
    }

    /**
     * Places the per-filter int32 table a folded window starts its accumulator from: {@code bias − corr}
     * (i32 wrapping, as the kernel's own subtraction) when the bias is constant or absent, so the
     * kernel needs neither the bias nor the correction in memory; with a run-time bias, {@code corr},
     * subtracted from it.
     */
    private int startTable(boolean runtimeBias) {
        long[] t = new long[corr.length];
        for (int m = 0; m < t.length; m++) {
            long b = runtimeBias || biasValues == null ? 0 : biasValues[m];
            t[m] = runtimeBias ? corr[m] : (int) (b - corr[m]);
        }
        return k.constantData(Tensor.ofLongs(DataType.INT32, Shape.of(t.length), t));
    }

    /**
     * Per region, where its windows' start value comes from: -1 the filter's {@code start} (a full
     * window, or an x zero point of 0), -2 computed from the weight locals, else the address of a
     * per-filter table: int16 {@code Σ_missing (w − w_zp)} when every filter's fits (half the bytes; the
     * start is then {@code start + x_zp · it}, see {@link #shortTables}), else int32
     * {@code bias − x_zp Σ_present (w − w_zp)}, or with a run-time bias the product alone. Allocates
     * {@link #regionStarts}. Equal tables are placed once.
     */
    private int[] regionTables(ClippedRegions regions, boolean runtimeBias, int start) {
        int n = regions.count();
        int[] tables = new int[n];
        regionStarts = new int[n];
        shortTables = new boolean[n];
        java.util.Map<java.util.List<Long>, Integer> placed = new java.util.HashMap<>();
        int filters = p.filters();
        int per = weights.length / filters;
        for (int r = 0; r < n; r++) {
            TapRun[] chosen = regions.region(r);
            if (regions.full(chosen) || inputZeroPoint == 0) {
                tables[r] = -1;
                regionStarts[r] = start;
                continue;
            }
            regionStarts[r] = k.newI32();
            if (weightLocals != null) {
                tables[r] = -2;
                continue;
            }
            int[] taps = regions.kernelTaps(chosen);
            boolean[] present = new boolean[kernelVolume];
            for (int t : taps) {
                present[t] = true;
            }
            java.util.List<Long> values = new java.util.ArrayList<>();
            java.util.List<Long> missing = new java.util.ArrayList<>();
            boolean fitsShort = true;
            for (int m = 0; m < filters; m++) {
                long zw = weightZeros[weightZeros.length == 1 ? 0 : m];
                long sum = 0;
                long absent = 0;
                for (int ch = 0; ch < p.channelsPerGroup(); ch++) {
                    for (int t = 0; t < kernelVolume; t++) {
                        long v = weights[m * per + ch * kernelVolume + t] - zw;
                        if (present[t]) {
                            sum += v;
                        } else {
                            absent += v;
                        }
                    }
                }
                int product = (int) (inputZeroPoint * sum);
                long b = runtimeBias || biasValues == null ? 0 : biasValues[m];
                values.add(runtimeBias ? product : (long) (int) (b - product));
                missing.add(absent);
                fitsShort &= absent >= Short.MIN_VALUE && absent <= Short.MAX_VALUE;
            }
            shortTables[r] = fitsShort;
            DataType type = fitsShort ? DataType.INT16 : DataType.INT32;
            java.util.List<Long> chosenValues = fitsShort ? missing : values;
            java.util.List<Long> key = new java.util.ArrayList<>(chosenValues);
            key.add(fitsShort ? 16L : 32L);
            tables[r] = placed.computeIfAbsent(key, v -> k.constantData(Tensor.ofLongs(type,
                    Shape.of(chosenValues.size()), chosenValues.stream().mapToLong(Long::longValue).toArray())));
        }
        return tables;
    }

    /** Sets each border region's start local for filter {@code m} (see {@link #regionTables}). */
    private void setRegionStarts(ClippedRegions regions, int[] tables, int m, int start, int biasLocal,
                                 boolean runtimeBias) {
        for (int r = 0; r < tables.length; r++) {
            if (tables[r] == -1) {
                continue;
            }
            if (tables[r] == -2) {
                // start + x_zp Σ_missing (w − w_zp): start already subtracted the missing taps' share
                boolean[] present = new boolean[kernelVolume];
                for (int t : regions.kernelTaps(regions.region(r))) {
                    present[t] = true;
                }
                c.localGet(start);
                boolean first = true;
                for (int ch = 0; ch < p.channelsPerGroup(); ch++) {
                    for (int t = 0; t < kernelVolume; t++) {
                        if (!present[t]) {
                            c.localGet(weightLocals[ch * kernelVolume + t]);
                            if (!first) {
                                c.i32Add();
                            }
                            first = false;
                        }
                    }
                }
                c.i32Const((int) inputZeroPoint).i32Mul().i32Add().localSet(regionStarts[r]);
                continue;
            }
            if (shortTables[r]) {
                // start already holds bias − x_zp Σ_all (w − w_zp); add back the missing taps' share
                c.localGet(start).localGet(m).i32Const(1).i32Shl().i32Load16S(tables[r]);
                c.i32Const((int) inputZeroPoint).i32Mul().i32Add().localSet(regionStarts[r]);
                continue;
            }
            if (runtimeBias) {
                c.localGet(biasLocal);
            }
            c.localGet(m).i32Const(2).i32Shl().i32Load(tables[r]);
            if (runtimeBias) {
                c.i32Sub();
            }
            c.localSet(regionStarts[r]);
        }
    }

    /**
     * Emits every output of one filter region by region, in output order: each region's windows are
     * unrolled over only the taps inside the input (as the float kernel's), starting from the region's
     * start value, so no tap reads padding and no padded copy of X is needed.
     */
    private final class RegionEmitter {
        private final ClippedRegions regions;
        private final int xg;
        private final int wm;
        private final int acc;
        private final int yp;
        private final int zw;
        private final int x;
        private final DataType xt;
        private final int w;
        private final DataType wt;
        private final int y;
        private final DataType yt;
        private final AccumulatorSink sink;
        private final int m;

        RegionEmitter(ClippedRegions regions, int xg, int wm, int acc, int yp, int zw, int x, DataType xt, int w,
                      DataType wt, int y, DataType yt, AccumulatorSink sink, int m) {
            this.regions = regions;
            this.xg = xg;
            this.wm = wm;
            this.acc = acc;
            this.yp = yp;
            this.zw = zw;
            this.x = x;
            this.xt = xt;
            this.w = w;
            this.wt = wt;
            this.y = y;
            this.yt = yt;
            this.sink = sink;
            this.m = m;
            if (cursors == null) {
                cursors = new int[rank];
                counters = new int[rank];
                for (int i = 0; i < rank; i++) {
                    cursors[i] = k.newI32();
                    counters[i] = k.newI32();
                }
                blockX = k.newI32();
                blockW = k.newI32();
            }
        }

        /**
         * The loops over the runs of dimension {@code i} on: {@code cursors[i]} holds the byte address
         * of the current window's first valid tap (for dimensions 0..i), moving by one stride per output.
         */
        void positions(int i, TapRun[] chosen) {
            int step = g.strides()[i] * inStrides[i];
            for (TapRun r : regions.runs.get(i)) {
                chosen[i] = r;
                int offset = r.lo() * step + r.first() * g.dilations()[i] * inStrides[i];
                if (i == 0) {
                    for (int d = 0; d < rank; d++) {
                        offset -= g.padBegin()[d] * inStrides[d];
                    }
                    c.localGet(xg);
                } else {
                    c.localGet(cursors[i - 1]);
                }
                if (offset != 0) {
                    c.i32Const(offset).i32Add();
                }
                c.localSet(cursors[i]);
                int count = r.hi() - r.lo();
                Runnable body = () -> {
                    if (i == rank - 1) {
                        window(chosen);
                    } else {
                        positions(i + 1, chosen);
                    }
                };
                if (count == 1) {
                    body.run();
                    continue;
                }
                c.i32Const(count).localSet(counters[i]);
                c.loop();
                body.run();
                c.localGet(cursors[i]).i32Const(step).i32Add().localSet(cursors[i]);
                c.localGet(counters[i]).i32Const(1).i32Sub().localTee(counters[i]).brIf(0);
                c.end();
            }
        }

        /** One output of region {@code chosen}: its start value plus its in-bounds taps, then the store. */
        private void window(TapRun[] chosen) {
            int start = regionStarts[regions.indexOf(chosen)];
            int[] taps = regions.kernelTaps(chosen);
            int[] offsets = new int[taps.length];
            for (int t = 0; t < taps.length; t++) {
                int rest = taps[t];
                for (int i = rank - 1; i >= 0; i--) {
                    offsets[t] += (rest % g.kernel()[i] - chosen[i].first()) * g.dilations()[i] * inStrides[i];
                    rest /= g.kernel()[i];
                }
            }
            int cg = p.channelsPerGroup();
            int channels = weightLocals != null || regions.full(chosen) ? blockChannels()
                    : ClippedRegions.borderChannels(cg, taps.length);
            int blocks = cg / channels;
            int xAt = cursors[rank - 1];
            if (blocks == 1 || taps.length == 0) {
                c.localGet(start);
                if (taps.length > 0) {
                    block(taps, offsets, channels, xAt, weightBase);
                }
                c.localSet(acc);
            } else {
                c.localGet(start).localSet(acc);
                c.localGet(xAt).localSet(blockX);
                c.localGet(weightBase).localSet(blockW);
                k.forRange(blocks, b -> {
                    c.localGet(acc);
                    block(taps, offsets, channels, blockX, blockW);
                    c.localSet(acc);
                    c.localGet(blockX).i32Const(channels * plane).i32Add().localSet(blockX);
                    c.localGet(blockW).i32Const(channels * kernelVolume).i32Add().localSet(blockW);
                });
            }
            k.pushByteOffset(yp, yt);
            sink.push(acc, m);
            k.store(yt, y);
            c.localGet(yp).i32Const(1).i32Add().localSet(yp);
        }

        /** Adds to the i32 on the stack the raw products of {@code channels} channels' taps. */
        private void block(int[] taps, int[] offsets, int channels, int xAt, int wAt) {
            for (int ch = 0; ch < channels; ch++) {
                for (int t = 0; t < taps.length; t++) {
                    c.localGet(xAt);
                    k.load(xt, ch * plane + offsets[t]);
                    if (weightLocals != null) {
                        c.localGet(weightLocals[ch * kernelVolume + taps[t]]);
                    } else {
                        c.localGet(wAt);
                        k.load(wt, ch * kernelVolume + taps[t]);
                        if (!weightZeroIsZero) {
                            c.localGet(zw).i32Sub();
                        }
                    }
                    c.i32Mul().i32Add();
                }
            }
        }
    }

    /** Per region, whether its table holds int16 sums of the missing taps' weights (see {@link #regionTables}). */
    private boolean[] shortTables;
    /** Local holding the byte address of the current filter's weights (the emit's {@code wm}). */
    private int weightBase = -1;
    /** Locals of {@link RegionEmitter}, shared by all filters. */
    private int[] cursors;
    private int[] counters;
    private int blockX;
    private int blockW;

    /**
     * Sets {@code rowBase} to the byte address of the window of output {@code (pos[0..rank−2], 0)}, once
     * per output row: an interior window then adds only {@code pos[rank−1] · stride}. An address rather
     * than an index into X, so that the windows' loads have short constant offsets (less code).
     */
    private void pushRowBase(int[] pos, int xg, int rowBase) {
        int shift = 0;
        c.localGet(xg);
        for (int i = 0; i < rank; i++) {
            if (i < rank - 1) {
                c.localGet(pos[i]).i32Const(g.strides()[i] * inStrides[i]).i32Mul().i32Add();
            }
            shift -= g.padBegin()[i] * inStrides[i];
        }
        if (shift != 0) {
            c.i32Const(shift).i32Add();
        }
        c.localSet(rowBase);
    }

    /** Sets {@code xc} to the byte address of the current output's window (see {@link #pushRowBase}). */
    private void setWindowStart(int[] pos, int rowBase, int xc) {
        c.localGet(rowBase).localGet(pos[rank - 1]);
        int step = g.strides()[rank - 1] * inStrides[rank - 1];
        if (step != 1) {
            c.i32Const(step).i32Mul();
        }
        c.i32Add().localSet(xc);
    }

    /**
     * Pushes 1 when the output position in {@code pos} has its whole window inside the input: each
     * {@code pos[i]} is in {@code [interior[i][0], interior[i][1])}.
     */
    private void pushInside(int[] pos) {
        for (int i = 0; i < rank; i++) {
            c.localGet(pos[i]);
            if (interior[i][0] != 0) {
                c.i32Const(interior[i][0]).i32Sub();
            }
            c.i32Const(interior[i][1] - interior[i][0]).i32LtU();
            if (i > 0) {
                c.i32And();
            }
        }
    }

    /**
     * A window wholly inside the input: taps unrolled with constant offsets, no range checks (about
     * 2x faster than the checked loops alone: 102 → 48 ms for a 32→32-channel 3x3 layer on 32x32 in wasmtime).
     */
    private void unrolledWindow(int[] pos, int rowBase, int wm, int xc, int wc, int acc, int zx, int zw, int x,
                                DataType xt, int w, DataType wt, Runnable initAcc, int start) {
        if (corr != null) {
            foldedWindow(pos, rowBase, wm, xc, wc, acc, zw, x, xt, w, wt, start);
            return;
        }
        initAcc.run();
        setWindowStart(pos, rowBase, xc);
        c.localGet(wm).localSet(wc);
        k.forRange(p.channelsPerGroup(), ch -> {
            c.localGet(acc);
            for (int t = 0; t < kernelVolume; t++) {
                c.localGet(xc);
                k.load(xt, tapOffset(t));
                c.localGet(zx).i32Sub();
                c.localGet(wc);
                k.load(wt, t);
                c.localGet(zw).i32Sub();
                c.i32Mul().i32Add();
            }
            c.localSet(acc);
            c.localGet(xc).i32Const(plane).i32Add().localSet(xc);
            c.localGet(wc).i32Const(kernelVolume).i32Add().localSet(wc);
        });
    }

    /** Element offset in X of window tap {@code t} (row-major over the kernel) from the window's first tap. */
    private int tapOffset(int t) {
        int offset = 0;
        int rest = t;
        for (int i = rank - 1; i >= 0; i--) {
            offset += rest % g.kernel()[i] * g.dilations()[i] * inStrides[i];
            rest /= g.kernel()[i];
        }
        return offset;
    }

    /**
     * The interior window with the zero points folded ({@link #foldZeroPoints}): {@code acc} starts at the
     * filter's {@code bias − corr[m]} (local {@code start}, set once per filter), then raw products, several
     * channels unrolled per loop iteration (up to {@link #BLOCK_TAPS} taps) as the float kernel does.
     */
    private void foldedWindow(int[] pos, int rowBase, int wm, int xc, int wc, int acc, int zw, int x, DataType xt,
                              int w, DataType wt, int start) {
        setWindowStart(pos, rowBase, xc);
        int cg = p.channelsPerGroup();
        int channels = blockChannels();
        int blocks = cg / channels;
        // start = bias − corr[m], set per filter; a single block (depthwise, small groups) needs no loop
        // and reads X at xc and W at the filter's constant start wm
        Runnable block = () -> {
            int wBase = blocks == 1 ? weightBase : wc;
            for (int ch = 0; ch < channels; ch++) {
                for (int t = 0; t < kernelVolume; t++) {
                    c.localGet(xc);
                    k.load(xt, ch * plane + tapOffset(t));
                    if (weightLocals != null) {
                        c.localGet(weightLocals[ch * kernelVolume + t]);
                    } else {
                        c.localGet(wBase);
                        k.load(wt, ch * kernelVolume + t);
                        if (!weightZeroIsZero) {
                            c.localGet(zw).i32Sub();
                        }
                    }
                    c.i32Mul().i32Add();
                }
            }
        };
        if (blocks == 1) {
            c.localGet(start);
            block.run();
            c.localSet(acc);
            return;
        }
        c.localGet(start).localSet(acc);
        c.localGet(weightBase).localSet(wc);
        k.forRange(blocks, blk -> {
            c.localGet(acc);
            block.run();
            c.localSet(acc);
            c.localGet(xc).i32Const(channels * plane).i32Add().localSet(xc);
            c.localGet(wc).i32Const(channels * kernelVolume).i32Add().localSet(wc);
        });
    }

    /** Channels unrolled per block of a folded window: the most that divide the group within {@link #BLOCK_TAPS} taps. */
    private int blockChannels() {
        return blockChannels(p);
    }

    private static int blockChannels(ConvOp.Plan p) {
        int cg = p.channelsPerGroup();
        int kernelVolume = 1;
        for (int kd : p.window().kernel()) {
            kernelVolume *= kd;
        }
        int unroll = 1;
        for (int u = 1; u <= cg; u++) {
            if (cg % u == 0 && u * kernelVolume <= BLOCK_TAPS) {
                unroll = u;
            }
        }
        return unroll;
    }

    /**
     * When a folded window is one block (the whole group's taps, e.g. depthwise), its filter's weights
     * less their zero point go into locals once per filter: each tap then reads a local instead of
     * loading the weight (and subtracting its zero point) for every output.
     */
    private int[] newWeightLocals(boolean clipped) {
        if (corr == null || interior == null && !clipped || blockChannels() != p.channelsPerGroup()) {
            return null;
        }
        int[] locals = new int[p.channelsPerGroup() * kernelVolume];
        for (int t = 0; t < locals.length; t++) {
            locals[t] = k.newI32();
        }
        return locals;
    }

    /** Fills the weight locals with the filter whose first weight is at element {@code wm}. */
    private void loadWeightLocals(int wm, int zw, int w, DataType wt) {
        for (int t = 0; t < weightLocals.length; t++) {
            c.localGet(wm);
            k.load(wt, t);
            if (!weightZeroIsZero) {
                c.localGet(zw).i32Sub();
            }
            c.localSet(weightLocals[t]);
        }
    }

    /** Every output's window lies inside the input (no padding reached). */
    private boolean allInterior() {
        for (int i = 0; i < rank; i++) {
            if (interior[i][0] != 0 || interior[i][1] != g.output()[i]) {
                return false;
            }
        }
        return true;
    }

    /** Per dimension, the outputs {@code [lo, hi)} whose window lies inside the input; null if some dimension has none or the window is too large to unroll. */
    private int[][] interiorRanges() {
        if (kernelVolume > MAX_UNROLLED_TAPS) {
            return null;
        }
        int[][] r = new int[rank][];
        for (int i = 0; i < rank; i++) {
            int lo = Math.floorDiv(g.padBegin()[i] + g.strides()[i] - 1, g.strides()[i]);
            int last = g.input()[i] - 1 - (g.kernel()[i] - 1) * g.dilations()[i] + g.padBegin()[i];
            int hi = last < 0 ? 0 : Math.min(g.output()[i], Math.floorDiv(last, g.strides()[i]) + 1);
            if (lo >= hi) {
                return null;
            }
            r[i] = new int[] {lo, hi};
        }
        return r;
    }

    /** Loops over the outputs; {@code row} runs before each innermost (last-dimension) loop. */
    private void outputs(int i, int[] pos, Runnable row, Runnable body) {
        if (i == rank) {
            body.run();
            return;
        }
        if (i == rank - 1) {
            row.run();
        }
        k.forRange(pos[i], g.output()[i], () -> outputs(i + 1, pos, row, body));
    }

    /**
     * Loops over the taps of dimension {@code i} on; {@code xOff[i]}/{@code wOff[i]} hold the offsets
     * (elements, relative to the channel) of the current tap of dimensions 0..i, reached only when inside the input.
     */
    private void taps(int i, int[] pos, int[] tap, int[] ix, int[] xOff, int[] wOff, Runnable body) {
        k.forRange(tap[i], g.kernel()[i], () -> {
            // ix = pos * stride - padBegin + tap * dilation
            c.localGet(pos[i]).i32Const(g.strides()[i]).i32Mul();
            c.localGet(tap[i]).i32Const(g.dilations()[i]).i32Mul().i32Add();
            c.i32Const(g.padBegin()[i]).i32Sub().localSet(ix[i]);
            c.localGet(ix[i]).i32Const(g.input()[i]).i32LtU();
            c.if_();
            if (i > 0) {
                c.localGet(xOff[i - 1]);
            } else {
                c.i32Const(0);
            }
            c.localGet(ix[i]).i32Const(inStrides[i]).i32Mul().i32Add().localSet(xOff[i]);
            if (i > 0) {
                c.localGet(wOff[i - 1]);
            } else {
                c.i32Const(0);
            }
            c.localGet(tap[i]).i32Const(wStrides[i]).i32Mul().i32Add().localSet(wOff[i]);
            if (i == rank - 1) {
                body.run();
            } else {
                taps(i + 1, pos, tap, ix, xOff, wOff, body);
            }
            c.end();
        });
    }
}
