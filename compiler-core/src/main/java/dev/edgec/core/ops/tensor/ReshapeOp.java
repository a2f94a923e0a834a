package dev.edgec.core.ops.tensor;

import dev.edgec.core.ops.OpContext;
import dev.edgec.ir.Shape;

/**
 * Reshape (opset 5+: the target shape is input 1, which must be a constant). A 0 copies the input's
 * dimension at that position unless {@code allowzero} = 1 (opset 14+); one -1 is inferred.
 */
final class ReshapeOp extends ReshapingCopyOp {
    @Override
    protected Shape outputShape(OpContext ctx) {
        ctx.expectInputs(2, 2);
        boolean allowZero = ctx.opset() >= 14 && ctx.attrs().getInt("allowzero", 0) != 0;
        Shape in = ctx.inputType(0).shape();
        long[] target = constantInts(ctx, 1, "shape");
        long[] dims = new long[target.length];
        int inferred = -1;
        long known = 1;
        for (int i = 0; i < target.length; i++) {
            long t = target[i];
            if (t == -1) {
                if (inferred >= 0) {
                    throw ctx.error("shape " + java.util.Arrays.toString(target) + " has more than one -1");
                }
                inferred = i;
                continue;
            }
            if (t < -1) {
                throw ctx.error("shape " + java.util.Arrays.toString(target) + " has the invalid dimension " + t);
            }
            if (t == 0 && !allowZero) {
                if (i >= in.rank()) {
                    throw ctx.error("shape " + java.util.Arrays.toString(target) + " copies dimension " + i
                            + " of an input of rank " + in.rank());
                }
                t = in.dim(i);
            }
            dims[i] = t;
            known *= t;
            if (known > Shape.MAX_ELEMENTS) {
                throw ctx.error("shape " + java.util.Arrays.toString(target) + " has too many elements");
            }
        }
        if (inferred >= 0) {
            if (known == 0 || in.elementCount() % known != 0) {
                throw ctx.error("cannot infer the -1 of shape " + java.util.Arrays.toString(target) + " for input "
                        + in + " (" + in.elementCount() + " elements)");
            }
            dims[inferred] = in.elementCount() / known;
        }
        return Shape.ofLongs(dims);
    }
}
