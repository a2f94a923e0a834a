package dev.edgec.core.ops.shape;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.core.ops.Operator;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.TensorType;
import java.util.List;
import java.util.Optional;

/** Size: the input's element count as an int64 scalar. Always known at compile time. */
final class SizeOp implements Operator {
    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        ctx.expectInputs(1, 1);
        return List.of(new TensorType(DataType.INT64, Shape.scalar()));
    }

    @Override
    public Optional<List<Tensor>> evaluate(OpContext ctx) {
        return Optional.of(List.of(Tensor.ofLongs(DataType.INT64, Shape.scalar(), ctx.inputType(0).elementCount())));
    }

    @Override
    public void lower(OpContext ctx, KernelWriter k) {
        throw new IllegalStateException("Size is always evaluated at compile time");
    }
}
