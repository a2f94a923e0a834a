package dev.edgec.core.ops.signal;

import dev.edgec.core.lower.FloatArith;
import dev.edgec.core.lower.KernelWriter;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.wasm.Code;
import dev.edgec.wasm.ValType;

/**
 * Emits direct discrete Fourier transforms of float32 or float64 signals (computed in that type):
 * for each output bin k, {@code X[k] = Σ_n x[n]·w[n]·e^(∓2πi·kn/N)}, an O(bins·samples) sum. Edge
 * signals are short (tens to hundreds of samples), where the direct sum is small code and needs no
 * scratch memory. The twiddle factors come from a table of N complex values computed at compile
 * time in double precision; the kernel walks it with {@code m = k·n mod N} kept by one add and one
 * wrap-around.
 */
final class DftKernel {
    /** Longest transform: the twiddle table takes 8 (float32) or 16 (float64) bytes per point. */
    static final int MAX_LENGTH = 1 << 16;

    /**
     * @param type         element type of input, window, output and arithmetic (FLOAT32 or FLOAT64)
     * @param length       N, the transform length (the period of the twiddles)
     * @param samples      how many input samples are summed: min(N, signal length), since the
     *                     signal is zero-padded or truncated to N
     * @param bins         output bins 0..bins-1 (N, or N/2+1 for one-sided output)
     * @param complexInput input samples are (re, im) pairs rather than reals
     * @param inverse      positive exponent and a 1/N scale
     */
    record Plan(DataType type, int length, int samples, int bins, boolean complexInput, boolean inverse) {
    }

    private final KernelWriter k;
    private final Plan plan;
    private final DataType t;
    private final int es;
    private final int table;
    private final int bin;
    private final int binStep;
    private final int twiddle;
    private final int x;
    private final int re;
    private final int im;
    private final int sampleRe;
    private final int sampleIm;

    DftKernel(KernelWriter k, Plan plan) {
        this.k = k;
        this.plan = plan;
        this.t = plan.type();
        this.es = t.byteSize();
        this.table = k.constantData(twiddles(t, plan.length(), plan.inverse()));
        this.bin = k.newI32();
        this.binStep = k.newI32();
        this.twiddle = k.newI32();
        this.x = k.newI32();
        ValType v = KernelWriter.stackType(t);
        this.re = k.newLocal(v);
        this.im = k.newLocal(v);
        this.sampleRe = k.newLocal(v);
        this.sampleIm = k.newLocal(v);
    }

    /** e^(∓2πi·m/N) for m in [0, N) as (re, im) pairs of type {@code t}; exact 0 and ±1 at multiples of π/2. */
    static Tensor twiddles(DataType t, int n, boolean inverse) {
        double[] v = new double[2 * n];
        for (int m = 0; m < n; m++) {
            double angle = 2 * Math.PI * m / n;
            v[2 * m] = snap(Math.cos(angle));
            v[2 * m + 1] = snap((inverse ? 1 : -1) * Math.sin(angle));
        }
        return Tensor.ofDoubles(t, Shape.of(n, 2), v);
    }

    /** cos(π/2) is 6e-17 in double: such values are 0 (and so stay out of the sums), as a real FFT has them. */
    private static double snap(double v) {
        return Math.abs(v) < 1e-15 ? 0 : v;
    }

    /**
     * Emits the transform of one signal: sample n is at {@code inBase + local(inStart) + n·inStep} (re,
     * then im one element further when complex), multiplied by {@code window[n]} (at {@code windowBase}
     * + n·elementSize) unless {@code windowBase} is negative. Bin k is stored as (re, im) at
     * {@code outBase + local(outPtr) + k·outStep}; {@code outPtr} is left advanced past the last bin.
     */
    void emit(int inBase, int inStart, int inStep, int windowBase, int outBase, int outPtr, int outStep) {
        Code c = k.code();
        int wrap = 2 * es * plan.length();
        k.forRange(bin, plan.bins(), () -> {
            FloatArith.of(c, t).constant(0);
            c.localSet(re);
            FloatArith.of(c, t).constant(0);
            c.localSet(im);
            c.i32Const(0).localSet(twiddle);
            c.localGet(bin).i32Const(Integer.numberOfTrailingZeros(2 * es)).i32Shl().localSet(binStep);
            c.localGet(inStart).localSet(x);
            k.forRange(plan.samples(), s -> {
                loadSample(c, inBase, 0, windowBase, s, sampleRe);
                if (plan.complexInput()) {
                    loadSample(c, inBase, es, windowBase, s, sampleIm);
                }
                // re += xr·wr - xi·wi; im += xr·wi + xi·wr
                c.localGet(re);
                product(c, sampleRe, 0);
                FloatArith.of(c, t).add();
                if (plan.complexInput()) {
                    product(c, sampleIm, es);
                    FloatArith.of(c, t).sub();
                }
                c.localSet(re);
                c.localGet(im);
                product(c, sampleRe, es);
                FloatArith.of(c, t).add();
                if (plan.complexInput()) {
                    product(c, sampleIm, 0);
                    FloatArith.of(c, t).add();
                }
                c.localSet(im);
                c.localGet(x).i32Const(inStep).i32Add().localSet(x);
                // twiddle = (twiddle + k·pair) mod N·pair: both terms are below N·pair, so one subtraction wraps it
                c.localGet(twiddle).localGet(binStep).i32Add().localTee(twiddle).i32Const(wrap).i32Sub();
                c.localGet(twiddle);
                c.localGet(twiddle).i32Const(wrap).i32GeU();
                c.select().localSet(twiddle);
            });
            store(c, re, outBase, outPtr);
            store(c, im, outBase + es, outPtr);
            c.localGet(outPtr).i32Const(outStep).i32Add().localSet(outPtr);
        });
    }

    /** Pushes sample · (the current twiddle's re at offset 0, or im at offset es). */
    private void product(Code c, int sample, int offset) {
        c.localGet(sample).localGet(twiddle);
        k.load(t, table + offset);
        FloatArith.of(c, t).mul();
    }

    private void loadSample(Code c, int inBase, int offset, int windowBase, int s, int into) {
        c.localGet(x);
        k.load(t, inBase + offset);
        if (windowBase >= 0) {
            k.pushByteOffset(s, t);
            k.load(t, windowBase);
            FloatArith.of(c, t).mul();
        }
        c.localSet(into);
    }

    private void store(Code c, int value, int base, int outPtr) {
        c.localGet(outPtr).localGet(value);
        if (plan.inverse()) {
            FloatArith.of(c, t).constant(plan.length());
            FloatArith.of(c, t).div();
        }
        k.store(t, base);
    }
}
