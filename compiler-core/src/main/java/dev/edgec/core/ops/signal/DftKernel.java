package dev.edgec.core.ops.signal;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.wasm.Code;
import dev.edgec.wasm.ValType;

/**
 * Emits direct discrete Fourier transforms of float32 signals: for each output bin k,
 * {@code X[k] = Σ_n x[n]·w[n]·e^(∓2πi·kn/N)}, an O(bins·samples) sum. Edge signals are short (tens
 * to hundreds of samples), where the direct sum is small code and needs no scratch memory. The
 * twiddle factors come from a table of N complex values computed at compile time in double
 * precision; the kernel walks it with {@code m = k·n mod N} kept by one add and one wrap-around.
 */
final class DftKernel {
    /** Longest transform: the twiddle table takes 8 bytes per point (512 KiB here). */
    static final int MAX_LENGTH = 1 << 16;

    /**
     * @param length       N, the transform length (the period of the twiddles)
     * @param samples      how many input samples are summed: min(N, signal length), since the
     *                     signal is zero-padded or truncated to N
     * @param bins         output bins 0..bins-1 (N, or N/2+1 for one-sided output)
     * @param complexInput input samples are (re, im) pairs rather than reals
     * @param inverse      positive exponent and a 1/N scale
     */
    record Plan(int length, int samples, int bins, boolean complexInput, boolean inverse) {
    }

    private final KernelWriter k;
    private final Plan plan;
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
        this.table = k.constantData(twiddles(plan.length(), plan.inverse()));
        this.bin = k.newI32();
        this.binStep = k.newI32();
        this.twiddle = k.newI32();
        this.x = k.newI32();
        this.re = k.newLocal(ValType.F32);
        this.im = k.newLocal(ValType.F32);
        this.sampleRe = k.newLocal(ValType.F32);
        this.sampleIm = k.newLocal(ValType.F32);
    }

    /** e^(∓2πi·m/N) for m in [0, N) as (re, im) float pairs; the exact 0 and ±1 where the angle is a multiple of π/2. */
    static Tensor twiddles(int n, boolean inverse) {
        float[] v = new float[2 * n];
        for (int m = 0; m < n; m++) {
            double angle = 2 * Math.PI * m / n;
            v[2 * m] = (float) snap(Math.cos(angle));
            v[2 * m + 1] = (float) snap((inverse ? 1 : -1) * Math.sin(angle));
        }
        return Tensor.ofFloats(Shape.of(n, 2), v);
    }

    /** cos(π/2) is 6e-17 in double: such values are 0 (and so stay out of the sums), as a real FFT has them. */
    private static double snap(double v) {
        return Math.abs(v) < 1e-15 ? 0 : v;
    }

    /**
     * Emits the transform of one signal: sample n is at {@code inBase + local(inStart) + n·inStep} (re,
     * then im at +4 when complex), multiplied by {@code window[n]} (float32 at {@code windowBase + 4n})
     * unless {@code windowBase} is negative. Bin k is stored as (re, im) at
     * {@code outBase + local(outPtr) + k·outStep}; {@code outPtr} is left advanced past the last bin.
     */
    void emit(int inBase, int inStart, int inStep, int windowBase, int outBase, int outPtr, int outStep) {
        Code c = k.code();
        int n = plan.length();
        k.forRange(bin, plan.bins(), () -> {
            c.f32Const(0f).localSet(re);
            c.f32Const(0f).localSet(im);
            c.i32Const(0).localSet(twiddle);
            c.localGet(bin).i32Const(3).i32Shl().localSet(binStep);
            c.localGet(inStart).localSet(x);
            k.forRange(plan.samples(), s -> {
                loadSample(c, inBase, 0, windowBase, s, sampleRe);
                if (plan.complexInput()) {
                    loadSample(c, inBase, 4, windowBase, s, sampleIm);
                }
                // re += xr·wr - xi·wi; im += xr·wi + xi·wr
                c.localGet(re).localGet(sampleRe).localGet(twiddle).f32Load(table).f32Mul().f32Add();
                if (plan.complexInput()) {
                    c.localGet(sampleIm).localGet(twiddle).f32Load(table + 4).f32Mul().f32Sub();
                }
                c.localSet(re);
                c.localGet(im).localGet(sampleRe).localGet(twiddle).f32Load(table + 4).f32Mul().f32Add();
                if (plan.complexInput()) {
                    c.localGet(sampleIm).localGet(twiddle).f32Load(table).f32Mul().f32Add();
                }
                c.localSet(im);
                c.localGet(x).i32Const(inStep).i32Add().localSet(x);
                // twiddle = (twiddle + 8k) mod 8N: both terms are below 8N, so one subtraction wraps it
                c.localGet(twiddle).localGet(binStep).i32Add().localTee(twiddle).i32Const(8 * n).i32Sub();
                c.localGet(twiddle);
                c.localGet(twiddle).i32Const(8 * n).i32GeU();
                c.select().localSet(twiddle);
            });
            c.localGet(outPtr).localGet(re);
            scale(c);
            c.f32Store(outBase);
            c.localGet(outPtr).localGet(im);
            scale(c);
            c.f32Store(outBase + 4);
            c.localGet(outPtr).i32Const(outStep).i32Add().localSet(outPtr);
        });
    }

    private void loadSample(Code c, int inBase, int offset, int windowBase, int s, int into) {
        c.localGet(x).f32Load(inBase + offset);
        if (windowBase >= 0) {
            k.pushByteOffset(s, dev.edgec.ir.DataType.FLOAT32);
            c.f32Load(windowBase).f32Mul();
        }
        c.localSet(into);
    }

    private void scale(Code c) {
        if (plan.inverse()) {
            c.f32Const((float) plan.length()).f32Div();
        }
    }
}
