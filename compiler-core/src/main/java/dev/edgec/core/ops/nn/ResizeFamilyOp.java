package dev.edgec.core.ops.nn;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.core.ops.Operator;
import dev.edgec.ir.TensorType;
import java.util.List;

/** What Resize and Upsample share: the node resolves to a {@link ResizePlan} that gives the shape and the kernel. */
abstract class ResizeFamilyOp implements Operator {

    abstract ResizePlan plan(OpContext ctx);

    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        return List.of(new TensorType(ctx.inputType(0).dataType(), plan(ctx).outputShape()));
    }

    @Override
    public void lower(OpContext ctx, KernelWriter k) {
        plan(ctx).lower(ctx, k);
    }
}
