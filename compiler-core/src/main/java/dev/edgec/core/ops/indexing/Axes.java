package dev.edgec.core.ops.indexing;

import dev.edgec.core.ops.OpContext;

/** Reads and normalizes the {@code axis} attribute. */
final class Axes {
    private Axes() {
    }

    /** The {@code axis} attribute (default {@code defaultAxis}) normalized for {@code rank}; rank 0 has no axes. */
    static int attribute(OpContext ctx, int rank, long defaultAxis) {
        long axis = ctx.attrs().getInt("axis", defaultAxis);
        return normalize(ctx, axis, rank);
    }

    static int normalize(OpContext ctx, long axis, int rank) {
        if (axis < -rank || axis >= rank) {
            throw ctx.error("axis " + axis + " is out of range for rank " + rank);
        }
        return (int) (axis < 0 ? axis + rank : axis);
    }
}
