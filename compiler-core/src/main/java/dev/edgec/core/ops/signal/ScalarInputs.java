package dev.edgec.core.ops.signal;

import dev.edgec.core.ops.OpContext;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Tensor;

/** Reads the scalar inputs of the signal operators (lengths, steps, rates), which decide shapes and so must be constants. */
final class ScalarInputs {
    private ScalarInputs() {
    }

    /** The one value of constant input {@code i}, an int32/int64 scalar (or 1-element tensor). */
    static long integer(OpContext ctx, int i, String what) {
        Tensor t = one(ctx, i, what);
        if (t.dataType() != DataType.INT64 && t.dataType() != DataType.INT32) {
            throw ctx.error(what + " must be int32 or int64, got " + t.dataType().signatureName());
        }
        return t.getLong(0);
    }

    /** As {@link #integer}, checked to be in [1, {@code max}]. */
    static int positive(OpContext ctx, int i, String what, int max) {
        long v = integer(ctx, i, what);
        if (v < 1 || v > max) {
            throw ctx.error(what + " is " + v + "; it must be in [1, " + max + "]");
        }
        return (int) v;
    }

    /** The one value of constant input {@code i}, of any numeric type. */
    static Tensor one(OpContext ctx, int i, String what) {
        Tensor t = ctx.requireConstantInput(i, what);
        if (t.elementCount() != 1) {
            throw ctx.error(what + " must hold one value, got shape " + t.shape());
        }
        return t;
    }
}
