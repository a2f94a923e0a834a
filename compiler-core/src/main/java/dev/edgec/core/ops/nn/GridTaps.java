package dev.edgec.core.ops.nn;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.wasm.Code;
import dev.edgec.wasm.ValType;

/**
 * The taps GridSample reads along one axis of extent {@code size} for one normalized coordinate: for
 * each tap a byte offset (index × {@code strideBytes}), an interpolation weight and, in zeros padding,
 * whether it lies inside the input. The coordinate is denormalized, the taps are floor-based (round half
 * to even for nearest), and padding is applied to each tap, as ONNX Runtime does. Every tap is computed
 * in float32 and converted to an integer only once it is known to lie in [0, size), so no grid value
 * (NaN, infinite, huge) makes the conversion trap.
 */
final class GridTaps {
    /** Keys' cubic convolution parameter used by GridSample's bicubic mode. */
    private static final float CUBIC_ALPHA = -0.75f;

    private final KernelWriter k;
    private final GridSampleOp.Mode mode;
    private final GridSampleOp.Padding padding;
    private final boolean alignCorners;
    private final int size;
    private final int strideBytes;
    private final int[] offsets;
    private final int[] valid;
    private final int[] weights;
    private final int x;
    private final int base;
    private final int tap;
    private final int steps;
    private final int rest;

    GridTaps(KernelWriter k, GridSampleOp.Mode mode, GridSampleOp.Padding padding, boolean alignCorners, int size,
             int strideBytes) {
        this.k = k;
        this.mode = mode;
        this.padding = padding;
        this.alignCorners = alignCorners;
        this.size = size;
        this.strideBytes = strideBytes;
        int n = mode.taps;
        offsets = new int[n];
        valid = new int[n];
        weights = new int[n];
        for (int i = 0; i < n; i++) {
            offsets[i] = k.newI32();
            valid[i] = k.newI32();
            weights[i] = k.newLocal(ValType.F32);
        }
        x = k.newLocal(ValType.F32);
        base = k.newLocal(ValType.F32);
        tap = k.newLocal(ValType.F32);
        steps = k.newLocal(ValType.F32);
        rest = k.newLocal(ValType.F32);
    }

    int count() {
        return mode.taps;
    }

    /** i32 local holding the byte offset of tap {@code i}. */
    int offset(int i) {
        return offsets[i];
    }

    /** i32 local, 1 when tap {@code i} lies inside the input (zeros padding only). */
    int valid(int i) {
        return valid[i];
    }

    /** Multiplies the value on the stack by the weight of tap {@code i} (nearest has none). */
    void multiplyByWeight(int i) {
        if (mode != GridSampleOp.Mode.NEAREST) {
            k.code().localGet(weights[i]).f32Mul();
        }
    }

    /** Emits the taps of the normalized coordinate in the f32 local {@code normalized}. */
    void compute(int normalized) {
        Code c = k.code();
        // Denormalize, in ONNX Runtime's order of float32 operations.
        if (alignCorners) {
            c.localGet(normalized).f32Const(1).f32Add().f32Const(2).f32Div().f32Const(size - 1).f32Mul();
        } else {
            c.localGet(normalized).f32Const(1).f32Add().f32Const(size).f32Mul().f32Const(1).f32Sub().f32Const(2).f32Div();
        }
        c.localSet(x);
        switch (mode) {
            case NEAREST -> {
                c.localGet(x).f32Nearest().localSet(base);
                index(0, 0);
            }
            case LINEAR -> {
                c.localGet(x).f32Floor().localSet(base);
                c.localGet(base).f32Const(1).f32Add().localGet(x).f32Sub().localSet(weights[0]);
                c.localGet(x).localGet(base).f32Sub().localSet(weights[1]);
                index(0, 0);
                index(1, 1);
            }
            case CUBIC -> {
                c.localGet(x).f32Floor().localSet(base);
                c.localGet(x).localGet(base).f32Sub().f32Abs().localSet(rest);
                cubicWeights();
                for (int i = 0; i < 4; i++) {
                    index(i, i - 1);
                }
            }
        }
    }

    /** Keys' coefficients for the fraction t in {@code rest}: taps at distances 1 + t, t, 1 − t, 2 − t. */
    private void cubicWeights() {
        Code c = k.code();
        // ((a * d - 5a) * d + 8a) * d - 4a, for d = 1 + t and d = 2 - t
        outerCoefficient(() -> c.localGet(rest).f32Const(1).f32Add(), weights[0]);
        outerCoefficient(() -> c.f32Const(2).localGet(rest).f32Sub(), weights[3]);
        // ((a + 2) * d - (a + 3)) * d * d + 1, for d = t and d = 1 - t
        innerCoefficient(() -> c.localGet(rest), weights[1]);
        innerCoefficient(() -> c.f32Const(1).localGet(rest).f32Sub(), weights[2]);
    }

    private void outerCoefficient(Runnable distance, int into) {
        Code c = k.code();
        float a = CUBIC_ALPHA;
        distance.run();
        c.localSet(steps);
        c.f32Const(a).localGet(steps).f32Mul().f32Const(5 * a).f32Sub().localGet(steps).f32Mul().f32Const(8 * a).f32Add();
        c.localGet(steps).f32Mul().f32Const(4 * a).f32Sub().localSet(into);
    }

    private void innerCoefficient(Runnable distance, int into) {
        Code c = k.code();
        float a = CUBIC_ALPHA;
        distance.run();
        c.localSet(steps);
        c.f32Const(a + 2).localGet(steps).f32Mul().f32Const(a + 3).f32Sub().localGet(steps).f32Mul();
        c.localGet(steps).f32Mul().f32Const(1).f32Add().localSet(into);
    }

    /** Sets offset i (and valid i) for the tap at {@code base + delta}, after padding. */
    private void index(int i, int delta) {
        Code c = k.code();
        c.localGet(base);
        if (delta != 0) {
            c.f32Const(delta).f32Add();
        }
        c.localSet(tap);
        switch (padding) {
            case ZEROS -> {
                // false for NaN too
                c.localGet(tap).f32Const(0).f32Ge().localGet(tap).f32Const(size).f32Lt().i32And().localSet(valid[i]);
                c.localGet(tap).f32Const(0).localGet(valid[i]).select();
            }
            case BORDER -> clamped();
            case REFLECTION -> {
                reflect();
                clamped();
            }
        }
        c.i32TruncF32S().i32Const(strideBytes).i32Mul().localSet(offsets[i]);
    }

    /** Pushes {@code tap} clamped to [0, size − 1], NaN as 0, so the truncation cannot trap. */
    private void clamped() {
        Code c = k.code();
        c.localGet(tap).f32Const(0).localGet(tap).f32Const(0).f32Ge().select().f32Const(size - 1).f32Min();
    }

    /** Reflects {@code tap} at the borders until it lies between them (ONNX Runtime's GsReflect). */
    private void reflect() {
        float low = alignCorners ? 0f : -0.5f;
        float high = alignCorners ? size - 1f : size - 0.5f;
        float range = high - low;
        if (range == 0) {
            return; // one pixel with align_corners: every tap clamps to it
        }
        Code c = k.code();
        c.localGet(tap).f32Const(low).f32Lt().if_();
        c.f32Const(low).localGet(tap).f32Sub().localSet(rest);
        reflectFrom(range, low, high);
        c.else_();
        c.localGet(tap).f32Const(high).f32Gt().if_();
        c.localGet(tap).f32Const(high).f32Sub().localSet(rest);
        reflectFrom(range, high, low);
        c.end();
        c.end();
    }

    /**
     * With the distance past border {@code near} in {@code rest}: folds it by whole ranges; an even
     * number of folds lands it {@code rest} inside {@code near}, an odd one inside {@code far}.
     */
    private void reflectFrom(float range, float near, float far) {
        Code c = k.code();
        c.localGet(rest).f32Const(range).f32Div().f32Trunc().localSet(steps);
        c.localGet(rest).localGet(steps).f32Const(range).f32Mul().f32Sub().localSet(rest);
        float sign = near < far ? 1 : -1;
        // far - sign * rest when the fold count is odd, near + sign * rest when even
        c.f32Const(far).localGet(rest).f32Const(sign).f32Mul().f32Sub();
        c.f32Const(near).localGet(rest).f32Const(sign).f32Mul().f32Add();
        c.localGet(steps).f32Const(0.5f).f32Mul().f32Floor().f32Const(2).f32Mul().localGet(steps).f32Ne();
        c.select().localSet(tap);
    }
}
