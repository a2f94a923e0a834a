package dev.edgec.core.ops.linalg;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.lower.FloatArith;
import dev.edgec.core.ops.SoftmaxRows;
import dev.edgec.ir.DataType;
import dev.edgec.wasm.Code;

/**
 * The float32 / float64 softmax / log-softmax kernel over {@link SoftmaxRows}, shared by Softmax, LogSoftmax and
 * the loss operators that need log-probabilities: the row max is subtracted before exp so that no exp
 * overflows.
 */
public final class SoftmaxKernel {
    private SoftmaxKernel() {
    }

    /**
     * Emits softmax ({@code logarithmic} false) or log-softmax of the rows {@code r} of the float32
     * tensor at byte address {@code x} into the tensor at {@code y} (same layout).
     */
    public static void emit(KernelWriter k, SoftmaxRows r, int x, int y, boolean logarithmic) {
        emit(k, DataType.FLOAT32, r, x, y, logarithmic);
    }

    /** As {@link #emit(KernelWriter, SoftmaxRows, int, int, boolean)} for a float32 or float64 tensor, computed in its precision. */
    public static void emit(KernelWriter k, DataType type, SoftmaxRows r, int x, int y, boolean logarithmic) {
        if (r.isEmpty()) {
            return;
        }
        Code c = k.code();
        FloatArith f = FloatArith.of(c, type);
        int exp = k.mathFunction(f.exp());
        int log = logarithmic ? k.mathFunction(f.log()) : -1;
        int step = r.inner() * f.bytes();
        int rowBase = k.newI32();
        int start = k.newI32();
        int p = k.newI32();
        int max = k.newLocal(f.valType());
        int sum = k.newLocal(f.valType());
        c.i32Const(0).localSet(rowBase);
        k.forRange(r.outer(), o -> {
            c.localGet(rowBase).localSet(start);
            k.forRange(r.inner(), i -> {
                f.constant(Double.NEGATIVE_INFINITY);
                c.localSet(max);
                walk(k, start, p, step, r.n(), () -> {
                    c.localGet(p);
                    f.load(x);
                    c.localGet(max);
                    f.max();
                    c.localSet(max);
                });
                f.constant(0);
                c.localSet(sum);
                walk(k, start, p, step, r.n(), () -> {
                    if (logarithmic) {
                        c.localGet(p);
                        f.load(x);
                        c.localGet(max);
                        f.sub();
                        c.call(exp);
                    } else {
                        c.localGet(p).localGet(p);
                        f.load(x);
                        c.localGet(max);
                        f.sub();
                        c.call(exp);
                        f.store(y);
                        c.localGet(p);
                        f.load(y);
                    }
                    c.localGet(sum);
                    f.add();
                    c.localSet(sum);
                });
                if (logarithmic) {
                    // y = (x - max) - log(sum): folding max + log(sum) first would round log(sum) away
                    c.localGet(sum).call(log).localSet(sum);
                    walk(k, start, p, step, r.n(), () -> {
                        c.localGet(p).localGet(p);
                        f.load(x);
                        c.localGet(max);
                        f.sub();
                        c.localGet(sum);
                        f.sub().store(y);
                    });
                } else {
                    walk(k, start, p, step, r.n(), () -> {
                        c.localGet(p).localGet(p);
                        f.load(y);
                        c.localGet(sum);
                        f.div().store(y);
                    });
                }
                c.localGet(start).i32Const(f.bytes()).i32Add().localSet(start);
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
