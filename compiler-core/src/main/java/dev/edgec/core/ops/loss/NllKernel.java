package dev.edgec.core.ops.loss;

import dev.edgec.core.abi.RunStatus;
import dev.edgec.core.lower.FloatArith;
import dev.edgec.core.lower.KernelWriter;
import dev.edgec.ir.DataType;
import dev.edgec.wasm.Code;
import dev.edgec.wasm.ValType;

/**
 * The negative log-likelihood kernel: for each target element e = (n, j) with class t = target[e],
 * loss[e] = -logp[n, t, j] * w[t] (w = 1 without weight), 0 where t is ignore_index; then the losses
 * as they are, their sum, or their sum divided by the sum of w[t] over the targets not ignored.
 * A class outside [0, C) that is not ignore_index makes the run return INDEX_OUT_OF_RANGE.
 */
final class NllKernel {
    private NllKernel() {
    }

    /**
     * Emits the loss of the log-probabilities at {@code logp} (layout of input 0) against the target at
     * {@code target}, with the weight at {@code weight} (unused unless the plan is weighted), into {@code out}.
     */
    static void emit(KernelWriter k, LossPlan p, int logp, int target, int weight, int out) {
        Code c = k.code();
        FloatArith f = FloatArith.of(c, p.type());
        boolean wide = p.targetType() == DataType.INT64;
        int sum = k.newLocal(f.valType());
        int weights = k.newLocal(f.valType());
        int w = k.newLocal(f.valType());
        int cls = k.newI32();
        int cls64 = wide ? k.newLocal(ValType.I64) : -1;
        int e = k.newI32();
        int row = k.newI32();
        f.constant(0);
        c.localSet(sum);
        f.constant(0);
        c.localSet(weights);
        c.i32Const(0).localSet(e).i32Const(0).localSet(row);
        k.forRange(p.n(), n -> {
            k.forRange(p.d(), j -> {
                k.pushByteOffset(e, p.targetType());
                boolean ignorable = loadClass(k, p, target, cls, cls64);
                if (ignorable) {
                    c.if_();
                    if (p.reduction() == Reduction.NONE) {
                        k.pushByteOffset(e, p.type());
                        f.constant(0).store(out);
                    }
                    c.else_();
                }
                // a negative class compares as a huge unsigned one, so one test catches both ends
                if (wide) {
                    c.localGet(cls64).i64Const(p.c()).i64GeU();
                } else {
                    c.localGet(cls).i32Const(p.c()).i32GeU();
                }
                c.if_();
                k.fail(RunStatus.INDEX_OUT_OF_RANGE);
                c.end();
                if (wide) {
                    c.localGet(cls64).i32WrapI64().localSet(cls);
                }
                if (p.weighted()) {
                    k.pushByteOffset(cls, p.type());
                    f.load(weight);
                } else {
                    f.constant(1);
                }
                c.localSet(w);
                if (p.reduction() == Reduction.NONE) {
                    k.pushByteOffset(e, p.type());
                }
                // logp[n, t, j] is element row + t*d + j, row = n*C*d
                c.localGet(cls).i32Const(p.d()).i32Mul().localGet(row).i32Add().localGet(j).i32Add()
                        .i32Const(f.bytes()).i32Mul();
                f.load(logp).neg();
                c.localGet(w);
                f.mul();
                if (p.reduction() == Reduction.NONE) {
                    f.store(out);
                } else {
                    c.localGet(sum);
                    f.add();
                    c.localSet(sum).localGet(weights).localGet(w);
                    f.add();
                    c.localSet(weights);
                }
                if (ignorable) {
                    c.end();
                }
                c.localGet(e).i32Const(1).i32Add().localSet(e);
            });
            c.localGet(row).i32Const(p.c() * p.d()).i32Add().localSet(row);
        });
        if (p.reduction() != Reduction.NONE) {
            c.i32Const(0).localGet(sum);
            if (p.reduction() == Reduction.MEAN) {
                c.localGet(weights);
                f.div();
            }
            f.store(out);
        }
    }

    /**
     * Loads the class at the target byte offset on the stack into {@code cls} (or {@code cls64} for int64
     * targets) and, when ignore_index can occur in this target type, leaves "class == ignore_index" on
     * the stack and returns true.
     */
    private static boolean loadClass(KernelWriter k, LossPlan p, int target, int cls, int cls64) {
        Code c = k.code();
        if (p.targetType() == DataType.INT64) {
            c.i64Load(target).localSet(cls64);
            if (p.ignoreIndex().isPresent()) {
                c.localGet(cls64).i64Const(p.ignoreIndex().getAsLong()).i64Eq();
                return true;
            }
            return false;
        }
        c.i32Load(target).localSet(cls);
        long ii = p.ignoreIndex().orElse(Long.MIN_VALUE);
        if (ii >= Integer.MIN_VALUE && ii <= Integer.MAX_VALUE) {
            c.localGet(cls).i32Const((int) ii).i32Eq();
            return true;
        }
        return false;
    }
}
