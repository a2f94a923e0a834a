package dev.edgec.core.ops.tensor;

import dev.edgec.core.ops.OpContext;
import dev.edgec.ir.Shape;

/** Flatten: 2-D view, dimensions before {@code axis} form rows (negative axis from opset 11). */
final class FlattenOp extends ReshapingCopyOp {
    @Override
    protected Shape outputShape(OpContext ctx) {
        ctx.expectInputs(1, 1);
        Shape in = ctx.inputType(0).shape();
        long axis = ctx.attrs().getInt("axis", 1);
        long lowest = ctx.opset() >= 11 ? -in.rank() : 0;
        if (axis < lowest || axis > in.rank()) {
            throw ctx.error("axis " + axis + " is out of range for rank " + in.rank());
        }
        int a = (int) (axis < 0 ? axis + in.rank() : axis);
        long rows = 1;
        long cols = 1;
        for (int i = 0; i < in.rank(); i++) {
            if (i < a) {
                rows *= in.dim(i);
            } else {
                cols *= in.dim(i);
            }
        }
        return Shape.ofLongs(rows, cols);
    }
}
