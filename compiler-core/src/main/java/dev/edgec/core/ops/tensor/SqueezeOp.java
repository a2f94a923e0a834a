package dev.edgec.core.ops.tensor;

import dev.edgec.core.ops.OpContext;
import dev.edgec.ir.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * Squeeze: removes the listed size-1 axes, or every size-1 axis when none are listed (or the list is empty). Axes are an
 * attribute before opset 13 and an optional constant input from 13.
 */
final class SqueezeOp extends ReshapingCopyOp {
    @Override
    protected Shape outputShape(OpContext ctx) {
        Shape in = ctx.inputType(0).shape();
        long[] axes;
        if (ctx.opset() >= 13) {
            ctx.expectInputs(1, 2);
            axes = ctx.hasInput(1) ? constantInts(ctx, 1, "axes") : null;
        } else {
            ctx.expectInputs(1, 1);
            axes = ctx.attrs().getInts("axes", null);
        }
        boolean[] drop = new boolean[in.rank()];
        if (axes == null || axes.length == 0) { // ONNX Runtime reads an empty axes list as "all size-1 axes"
            for (int i = 0; i < in.rank(); i++) {
                drop[i] = in.dim(i) == 1;
            }
        } else {
            for (long axis : axes) {
                int a = in.normalizeAxis(axis);
                if (drop[a]) {
                    throw ctx.error("axis " + axis + " is listed twice");
                }
                if (in.dim(a) != 1) {
                    throw ctx.error("cannot squeeze axis " + axis + " of shape " + in + ": its size is " + in.dim(a));
                }
                drop[a] = true;
            }
        }
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < in.rank(); i++) {
            if (!drop[i]) {
                out.add(in.dim(i));
            }
        }
        return Shape.of(out.stream().mapToInt(Integer::intValue).toArray());
    }
}
