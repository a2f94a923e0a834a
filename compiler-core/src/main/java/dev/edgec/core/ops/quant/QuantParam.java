package dev.edgec.core.ops.quant;

import dev.edgec.core.ops.OpContext;
import dev.edgec.ir.Shape;

/**
 * How a scale or zero-point operand applies to a tensor: one value for the whole tensor, or one per
 * index along {@code axis}. {@link #broadcastShape} is the operand seen as a tensor that broadcasts
 * against the data (per-axis values become {@code [d, 1, ..., 1]}), so elementwise loops can index it.
 */
record QuantParam(int axis, int count, Shape broadcastShape) {
    boolean perAxis() {
        return axis >= 0;
    }

    /**
     * Reads operand {@code input} of the node: a scalar or a one-element 1-D tensor is per tensor, a
     * 1-D tensor of {@code data.dim(axis)} values is per axis. Anything else (blocked quantization) is rejected.
     */
    static QuantParam read(OpContext ctx, int input, Shape data, long axisAttr, String what) {
        Shape s = ctx.inputType(input).shape();
        if (s.elementCount() == 1 && s.rank() <= 1) {
            return new QuantParam(-1, 1, Shape.scalar());
        }
        if (s.rank() != 1) {
            throw ctx.unsupported(what + " of shape " + s + " is blocked quantization, which edgec does not support;"
                    + " use a scalar or a 1-D per-axis tensor");
        }
        if (data.rank() == 0) {
            throw ctx.error(what + " of shape " + s + " cannot apply per axis to a scalar");
        }
        int axis = normalize(ctx, axisAttr, data.rank());
        if (s.dim(0) != data.dim(axis)) {
            throw ctx.error(what + " has " + s.dim(0) + " values but axis " + axis + " of " + data + " has " + data.dim(axis));
        }
        int[] dims = new int[data.rank() - axis];
        java.util.Arrays.fill(dims, 1);
        dims[0] = s.dim(0);
        return new QuantParam(axis, s.dim(0), Shape.of(dims));
    }

    static int normalize(OpContext ctx, long axis, int rank) {
        if (axis < -rank || axis >= rank) {
            throw ctx.error("axis " + axis + " is out of range for rank " + rank);
        }
        return (int) (axis < 0 ? axis + rank : axis);
    }
}
