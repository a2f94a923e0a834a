package dev.edgec.core.ops.elementwise;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.core.ops.Operator;
import dev.edgec.ir.TensorType;
import java.util.List;

/** CastLike (opset 15+): Cast to the element type of the second input, whose values are not read. */
final class CastLikeOp implements Operator {
    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        ctx.expectInputs(2, 2);
        CastOp.readSaturate(ctx);
        return List.of(new TensorType(ctx.inputType(1).dataType(), ctx.inputType(0).shape()));
    }

    @Override
    public void lower(OpContext ctx, KernelWriter k) {
        CastOp.emitCast(ctx, k);
    }
}
