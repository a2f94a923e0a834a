package dev.edgec.core.ops.tensor;

import dev.edgec.core.ops.OpContext;
import dev.edgec.ir.Shape;

/** Identity: the output is a copy of the input. */
final class IdentityOp extends ReshapingCopyOp {
    @Override
    protected Shape outputShape(OpContext ctx) {
        ctx.expectInputs(1, 1);
        return ctx.inputType(0).shape();
    }
}
