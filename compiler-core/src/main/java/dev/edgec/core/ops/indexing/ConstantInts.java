package dev.edgec.core.ops.indexing;

import dev.edgec.core.ops.ConstantFolding;
import dev.edgec.core.ops.OpContext;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Tensor;

/** Reads small integer inputs (shapes, axes, repeats) that decide shapes and so must be constants. */
final class ConstantInts {
    private ConstantInts() {
    }

    /** The values of constant input {@code i}, a 1-D (or scalar) int32/int64 tensor. */
    static long[] read(OpContext ctx, int i, String what) {
        Tensor t = ctx.requireConstantInput(i, what);
        if (t.dataType() != DataType.INT64 && t.dataType() != DataType.INT32) {
            throw ctx.error(what + " must be int64, got " + t.dataType().signatureName());
        }
        if (t.shape().rank() > 1) {
            throw ctx.error(what + " must be 1-D, got shape " + t.shape());
        }
        return t.toLongs();
    }

    /** The one value of a constant scalar (or 1-element) input. */
    static Tensor scalar(OpContext ctx, int i, String what) {
        Tensor t = ctx.requireConstantInput(i, what);
        if (t.elementCount() != 1) {
            throw ctx.error(what + " must hold one value, got shape " + t.shape());
        }
        return t;
    }

    /** True when every given input is a constant of at most {@link ConstantFolding#MAX_ELEMENTS} elements. */
    static boolean allSmallConstants(OpContext ctx, int... inputs) {
        for (int i : inputs) {
            if (ctx.hasInput(i) && ctx.constantInput(i).map(t -> t.elementCount() > ConstantFolding.MAX_ELEMENTS).orElse(true)) {
                return false;
            }
        }
        return true;
    }
}
