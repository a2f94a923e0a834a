package dev.edgec.core.ops.elementwise;

import dev.edgec.core.ops.OpContext;
import dev.edgec.ir.Shape;

/**
 * The broadcasting of Add, Sub, Mul, Div and Pow before opset 7: without {@code broadcast = 1} both
 * shapes must be equal; with it, B's shape must match a contiguous run of A's dimensions starting at
 * {@code axis} (default: A's trailing dimensions), each dimension equal or 1. The result is B's shape
 * padded with 1s to A's rank, which numpy broadcasting then treats the same way.
 */
final class LegacyBroadcast {
    private LegacyBroadcast() {
    }

    /** The shape input 1 broadcasts as: its own from opset 7, else as described above. */
    static Shape secondInputShape(OpContext ctx) {
        Shape b = ctx.inputType(1).shape();
        if (ctx.opset() >= 7) {
            return b;
        }
        Shape a = ctx.inputType(0).shape();
        long broadcast = ctx.attrs().getInt("broadcast", 0);
        boolean hasAxis = ctx.attrs().has("axis");
        long axisAttr = ctx.attrs().getInt("axis", 0);
        if (broadcast == 0) {
            if (!a.equals(b)) {
                throw ctx.error("shapes " + a + " and " + b + " differ and broadcast is 0 (opset " + ctx.opset() + ")");
            }
            return b;
        }
        int r = a.rank();
        int q = b.rank();
        if (q > r) {
            throw ctx.error("B's shape " + b + " has more dimensions than A's " + a);
        }
        int axis = hasAxis ? (int) (axisAttr < 0 ? axisAttr + r : axisAttr) : r - q;
        if (axis < 0 || axis + q > r) {
            throw ctx.error("axis " + axisAttr + " does not fit B's shape " + b + " into A's " + a);
        }
        int[] dims = new int[r];
        java.util.Arrays.fill(dims, 1);
        for (int i = 0; i < q; i++) {
            int d = b.dim(i);
            if (d != 1 && d != a.dim(axis + i)) {
                throw ctx.error("B's shape " + b + " does not match A's " + a + " at axis " + axis);
            }
            dims[axis + i] = d;
        }
        return Shape.of(dims);
    }
}
