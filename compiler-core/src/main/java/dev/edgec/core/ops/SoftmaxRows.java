package dev.edgec.core.ops;

import dev.edgec.ir.Shape;

/**
 * The rows Softmax, LogSoftmax and Hardmax work on: {@code outer} rows of {@code n} elements spaced
 * {@code inner} apart. Before opset 13 the input is coerced to 2-D at {@code axis} (default 1), so a
 * row is all the trailing dimensions; from opset 13 a row runs along dimension {@code axis}
 * (default -1) only.
 */
public record SoftmaxRows(int outer, int n, int inner) {
    /**
     * Reads {@code axis} and computes the rows of input 0. A scalar input is one row of one element
     * when {@code allowScalar}, else an error naming the node.
     */
    public static SoftmaxRows of(OpContext ctx, boolean allowScalar) {
        Shape s = ctx.inputType(0).shape();
        boolean legacy = ctx.opset() < 13;
        long axisAttr = ctx.attrs().getInt("axis", legacy ? 1 : -1);
        int rank = s.rank();
        if (rank == 0) {
            if (!allowScalar) {
                throw ctx.error("input must have rank 1 or more");
            }
            return new SoftmaxRows(1, 1, 1);
        }
        if (axisAttr < -rank || axisAttr >= rank) {
            throw ctx.error("axis " + axisAttr + " is out of range for input of shape " + s);
        }
        int axis = (int) (axisAttr < 0 ? axisAttr + rank : axisAttr);
        int outer = 1;
        for (int d = 0; d < axis; d++) {
            outer *= s.dim(d);
        }
        int rest = 1;
        for (int d = axis + 1; d < rank; d++) {
            rest *= s.dim(d);
        }
        return legacy ? new SoftmaxRows(outer, s.dim(axis) * rest, 1) : new SoftmaxRows(outer, s.dim(axis), rest);
    }

    public boolean isEmpty() {
        return outer == 0 || n == 0 || inner == 0;
    }
}
