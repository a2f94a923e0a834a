package dev.edgec.core.ops.linalg;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.lower.MathFunction;
import dev.edgec.core.ops.SoftmaxRows;
import dev.edgec.wasm.Code;
import dev.edgec.wasm.ValType;

/**
 * The float32 softmax / log-softmax kernel over {@link SoftmaxRows}, shared by Softmax, LogSoftmax and
 * the loss operators that need log-probabilities: the row max is subtracted before exp so that no exp
 * overflows.
 */
public final class SoftmaxKernel {
    private SoftmaxKernel() {
    }

    /**
     * Emits softmax ({@code logarithmic} false) or log-softmax of the float32 rows {@code r} of the
     * tensor at byte address {@code x} into the tensor at {@code y} (same layout).
     */
    public static void emit(KernelWriter k, SoftmaxRows r, int x, int y, boolean logarithmic) {
        if (r.isEmpty()) {
            return;
        }
        int exp = k.mathFunction(MathFunction.EXP_F32);
        int log = logarithmic ? k.mathFunction(MathFunction.LOG_F32) : -1;
        int step = r.inner() * 4;
        Code c = k.code();
        int rowBase = k.newI32();
        int start = k.newI32();
        int p = k.newI32();
        int max = k.newLocal(ValType.F32);
        int sum = k.newLocal(ValType.F32);
        c.i32Const(0).localSet(rowBase);
        k.forRange(r.outer(), o -> {
            c.localGet(rowBase).localSet(start);
            k.forRange(r.inner(), i -> {
                c.f32Const(Float.NEGATIVE_INFINITY).localSet(max);
                walk(k, start, p, step, r.n(), () -> c.localGet(p).f32Load(x).localGet(max).f32Max().localSet(max));
                c.f32Const(0f).localSet(sum);
                walk(k, start, p, step, r.n(), () -> {
                    if (logarithmic) {
                        c.localGet(p).f32Load(x).localGet(max).f32Sub().call(exp);
                    } else {
                        c.localGet(p).localGet(p).f32Load(x).localGet(max).f32Sub().call(exp).f32Store(y);
                        c.localGet(p).f32Load(y);
                    }
                    c.localGet(sum).f32Add().localSet(sum);
                });
                if (logarithmic) {
                    // y = (x - max) - log(sum): folding max + log(sum) first would round log(sum) away
                    c.localGet(sum).call(log).localSet(sum);
                    walk(k, start, p, step, r.n(), () -> c.localGet(p).localGet(p).f32Load(x).localGet(max).f32Sub()
                            .localGet(sum).f32Sub().f32Store(y));
                } else {
                    walk(k, start, p, step, r.n(),
                            () -> c.localGet(p).localGet(p).f32Load(y).localGet(sum).f32Div().f32Store(y));
                }
                c.localGet(start).i32Const(4).i32Add().localSet(start);
            });
            c.localGet(rowBase).i32Const(r.n() * step).i32Add().localSet(rowBase);
        });
    }

    /** Runs {@code body} with {@code p} at each of the row's n byte offsets. */
    private static void walk(KernelWriter k, int start, int p, int step, int n, Runnable body) {
        Code c = k.code();
        c.localGet(start).localSet(p);
        k.forRange(n, j -> {
            body.run();
            c.localGet(p).i32Const(step).i32Add().localSet(p);
        });
    }
}
