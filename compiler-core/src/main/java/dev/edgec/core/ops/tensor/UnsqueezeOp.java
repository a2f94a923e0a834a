package dev.edgec.core.ops.tensor;

import dev.edgec.core.ops.OpContext;
import dev.edgec.ir.Shape;

/**
 * Unsqueeze: inserts size-1 axes at the listed positions of the output. Axes are an attribute before
 * opset 13 and a constant input from 13; negative axes count from the output's rank (opset 11+).
 */
final class UnsqueezeOp extends ReshapingCopyOp {
    @Override
    protected Shape outputShape(OpContext ctx) {
        Shape in = ctx.inputType(0).shape();
        long[] axes;
        if (ctx.opset() >= 13) {
            ctx.expectInputs(2, 2);
            axes = constantInts(ctx, 1, "axes");
        } else {
            ctx.expectInputs(1, 1);
            axes = ctx.attrs().getInts("axes", null);
            if (axes == null) {
                throw ctx.error("required attribute 'axes' is missing");
            }
        }
        int rank = in.rank() + axes.length;
        boolean[] inserted = new boolean[rank];
        for (long axis : axes) {
            int a = Shape.normalizeAxis(axis, rank);
            if (inserted[a]) {
                throw ctx.error("axis " + axis + " is listed twice");
            }
            inserted[a] = true;
        }
        int[] out = new int[rank];
        int j = 0;
        for (int i = 0; i < rank; i++) {
            out[i] = inserted[i] ? 1 : in.dim(j++);
        }
        return Shape.of(out);
    }
}
