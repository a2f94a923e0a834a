package dev.edgec.core.ops.linalg;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.core.ops.Operator;
import dev.edgec.core.ops.SoftmaxRows;
import dev.edgec.ir.DataType;
import dev.edgec.ir.TensorType;
import java.util.List;

/**
 * Softmax and LogSoftmax over rows of a float32 tensor. Before opset 13 the input is coerced to 2-D at
 * {@code axis} (default 1) and each row of the flattened trailing dimensions is normalised; from opset
 * 13 only dimension {@code axis} (default -1) is. Either way a row is {@code n} elements spaced by
 * {@code inner}: the max is subtracted before exp so that no exp overflows.
 */
abstract class SoftmaxFamilyOp implements Operator {

    /** True for LogSoftmax, false for Softmax. */
    protected abstract boolean logarithmic();

    private static SoftmaxRows rows(OpContext ctx) {
        return SoftmaxRows.of(ctx, true);
    }

    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        ctx.expectInputs(1, 1);
        ctx.expectType(0, List.of(DataType.FLOAT32));
        rows(ctx);
        return List.of(ctx.inputType(0));
    }

    @Override
    public void lower(OpContext ctx, KernelWriter k) {
        SoftmaxKernel.emit(k, rows(ctx), k.address(ctx.inputName(0)), k.address(ctx.outputName(0)), logarithmic());
    }
}
