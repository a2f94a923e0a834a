package dev.edgec.core.ops.nn;

import dev.edgec.core.ops.OpContext;

/** Reads an {@code axis} attribute and checks it against the rank of input 0. */
final class AxisAttribute {
    private AxisAttribute() {
    }

    /** The attribute {@code name} (or {@code defaultValue}) as an axis in {@code [0, rank)} of input 0. */
    static int read(OpContext ctx, String name, long defaultValue) {
        int rank = ctx.inputType(0).shape().rank();
        long axis = ctx.attrs().getInt(name, defaultValue);
        if (axis < -rank || axis >= rank) {
            throw ctx.error(name + " " + axis + " is out of range for input of rank " + rank);
        }
        return (int) (axis < 0 ? axis + rank : axis);
    }
}
