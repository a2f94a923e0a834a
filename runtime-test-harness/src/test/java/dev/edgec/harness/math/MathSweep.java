package dev.edgec.harness.math;

import dev.edgec.cli.runtime.ChicoryRuntime;
import dev.edgec.cli.runtime.WasmInstance;
import dev.edgec.core.lower.MathFunction;
import dev.edgec.core.lower.MathLibrary;
import dev.edgec.wasm.Code;
import dev.edgec.wasm.FuncType;
import dev.edgec.wasm.FunctionBuilder;
import dev.edgec.wasm.ModuleBuilder;
import dev.edgec.wasm.ValType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * Runs one {@link MathFunction} in Chicory over many arguments and measures its error in float32
 * ulps against a double-precision reference. The module holds the arguments at address 0 and a
 * {@code sweep(n)} export that writes f(arg[i]) after them, so one call evaluates a whole batch.
 */
final class MathSweep {
    /** Arguments per batch: 2^18 values of up to 8 bytes per argument and result. */
    private static final int BATCH = 1 << 18;

    /** The worst argument found and its error in ulps. */
    record Worst(float x, float actual, double expected, double ulps) {
        @Override
        public String toString() {
            return ulps + " ulp at x = " + x + " (" + Float.floatToRawIntBits(x) + "): got " + actual + ", exact "
                    + expected;
        }
    }

    private MathSweep() {
    }

    /** f(x) as computed by the wasm function, for each x. */
    static float[] evaluate(MathFunction f, float[] xs) {
        return toFloats(run(f, false, new double[][]{toDoubles(xs)}));
    }

    /** f(x, y) as computed by the two-argument wasm function {@code f}, for each pair. */
    static float[] evaluateBinary(MathFunction f, float[] xs, float[] ys) {
        return toFloats(run(f, false, new double[][]{toDoubles(xs), toDoubles(ys)}));
    }

    /** f(x) for a float64 → float64 function. */
    static double[] evaluateF64(MathFunction f, double[] xs) {
        return run(f, true, new double[][]{xs});
    }

    /**
     * Calls f on each tuple of {@code args} (one array per parameter, all the same length), as float32
     * or float64 values: argument j of a batch lives at j·BATCH·8, the results after the last one.
     */
    private static double[] run(MathFunction f, boolean f64, double[][] args) {
        int arity = args.length;
        int size = f64 ? 8 : 4;
        int outAt = BATCH * 8 * arity;
        ModuleBuilder module = new ModuleBuilder();
        FunctionBuilder sweep = module.addFunction("sweep", FuncType.of(List.of(ValType.I32), ValType.I32));
        int callee = new MathLibrary(module).functionIndex(f);
        Code c = sweep.code();
        int i = sweep.addLocal(ValType.I32);
        int shift = f64 ? 3 : 2;
        c.block().loop();
        c.localGet(i).localGet(0).i32GeU().brIf(1);
        c.localGet(i).i32Const(shift).i32Shl();
        for (int j = 0; j < arity; j++) {
            c.localGet(i).i32Const(shift).i32Shl();
            c = f64 ? c.f64Load(BATCH * 8 * j) : c.f32Load(BATCH * 8 * j);
        }
        c.call(callee);
        c = f64 ? c.f64Store(outAt) : c.f32Store(outAt);
        c.localGet(i).i32Const(1).i32Add().localSet(i).br(0);
        c.end().end();
        c.i32Const(0);
        int pages = BATCH * 8 * (arity + 1) / 65536;
        module.memory(pages, pages).exportMemory("memory").exportFunction("sweep", sweep.index());
        byte[] wasm = module.encode().bytes();
        int total = args[0].length;
        double[] out = new double[total];
        try (WasmInstance instance = new ChicoryRuntime().instantiate(wasm)) {
            for (int from = 0; from < total; from += BATCH) {
                int n = Math.min(BATCH, total - from);
                for (int j = 0; j < arity; j++) {
                    ByteBuffer in = ByteBuffer.allocate(n * size).order(ByteOrder.LITTLE_ENDIAN);
                    for (int e = 0; e < n; e++) {
                        if (f64) {
                            in.putDouble(args[j][from + e]);
                        } else {
                            in.putFloat((float) args[j][from + e]);
                        }
                    }
                    instance.write(BATCH * 8 * j, in.array());
                }
                instance.call("sweep", n);
                ByteBuffer res = ByteBuffer.wrap(instance.read(outAt, n * size)).order(ByteOrder.LITTLE_ENDIAN);
                for (int e = 0; e < n; e++) {
                    out[from + e] = f64 ? res.getDouble() : res.getFloat();
                }
            }
        }
        return out;
    }

    private static double[] toDoubles(float[] xs) {
        double[] d = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            d[i] = xs[i];
        }
        return d;
    }

    private static float[] toFloats(double[] ds) {
        float[] f = new float[ds.length];
        for (int i = 0; i < ds.length; i++) {
            f[i] = (float) ds[i];
        }
        return f;
    }

    /** Largest error in float32 ulps of the exact value (ulps of subnormals count as Float.MIN_VALUE). */
    static Worst worstError(MathFunction f, float[] xs, DoubleUnaryOperator exact) {
        float[] ys = evaluate(f, xs);
        Worst worst = new Worst(Float.NaN, Float.NaN, Double.NaN, 0);
        for (int j = 0; j < xs.length; j++) {
            double e = exact.applyAsDouble(xs[j]);
            double ulps = ulps(ys[j], e);
            if (ulps > worst.ulps()) {
                worst = new Worst(xs[j], ys[j], e, ulps);
            }
        }
        return worst;
    }

    static double ulps(float actual, double exact) {
        if (Double.isNaN(exact) || Float.isNaN(actual)) {
            return Double.isNaN(exact) == Float.isNaN(actual) ? 0 : Double.POSITIVE_INFINITY;
        }
        float rounded = (float) exact;
        if (Float.isInfinite(rounded) || Float.isInfinite(actual)) {
            return rounded == actual ? 0 : Double.POSITIVE_INFINITY;
        }
        // the float32 ulp of the binade holding the exact value; subnormals all have Float.MIN_VALUE
        double ulp = exact == 0 ? Float.MIN_VALUE
                : Math.max(Math.scalb(1.0, Math.getExponent(exact) - 23), Float.MIN_VALUE);
        return Math.abs(actual - exact) / ulp;
    }

    /** Every {@code stride}-th float bit pattern between lo and hi (same sign or across zero), both included. */
    static float[] byBits(float lo, float hi, int count) {
        // order floats on a line: negative patterns mirrored below zero
        long a = ordinal(lo);
        long b = ordinal(hi);
        long stride = Math.max(1, (b - a) / (count - 1));
        int n = (int) ((b - a) / stride) + 1;
        float[] xs = new float[n + 1];
        for (int j = 0; j < n; j++) {
            xs[j] = fromOrdinal(a + j * stride);
        }
        xs[n] = hi;
        return xs;
    }

    /** {@code count} evenly spaced values from lo to hi. */
    static float[] uniform(float lo, float hi, int count) {
        float[] xs = new float[count];
        for (int j = 0; j < count; j++) {
            xs[j] = (float) (lo + (hi - (double) lo) * j / (count - 1));
        }
        return xs;
    }

    static float[] concat(float[]... parts) {
        int n = 0;
        for (float[] p : parts) {
            n += p.length;
        }
        float[] out = new float[n];
        int at = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    private static long ordinal(float f) {
        int bits = Float.floatToRawIntBits(f);
        return bits >= 0 ? bits : -(long) (bits & 0x7FFFFFFF);
    }

    private static float fromOrdinal(long o) {
        return o >= 0 ? Float.intBitsToFloat((int) o) : -Float.intBitsToFloat((int) -o);
    }
}
