package dev.edgec.core.ops.elementwise;

import dev.edgec.core.lower.BroadcastLoop;
import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.core.ops.Operator;
import dev.edgec.core.ops.ShapeInference;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.TensorType;
import java.util.List;

/**
 * {@code c = f(a, b)} elementwise with numpy broadcasting. Both inputs must have the same element
 * type; the output has that type unless {@link #outputType} says otherwise (comparisons give bool).
 */
public abstract class BinaryElementwiseOp implements Operator {
    protected abstract List<DataType> types();

    protected DataType outputType(DataType inputType) {
        return inputType;
    }

    protected void readAttributes(OpContext ctx) {
    }

    /** Emits f: consumes a then b (each of {@code t}'s stack type) and pushes the result. */
    protected abstract void emitScalar(OpContext ctx, KernelWriter k, DataType t);

    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        ctx.expectInputs(2, 2);
        DataType t = ctx.expectType(0, types());
        if (ctx.inputType(1).dataType() != t) {
            throw ctx.error("inputs have different types " + t.signatureName() + " and "
                    + ctx.inputType(1).dataType().signatureName());
        }
        readAttributes(ctx);
        Shape out = ShapeInference.broadcast(List.of(ctx.inputType(0).shape(), ctx.inputType(1).shape()));
        if (out == null) {
            throw ctx.error("shapes " + ctx.inputType(0).shape() + " and " + ctx.inputType(1).shape() + " do not broadcast");
        }
        return List.of(new TensorType(outputType(t), out));
    }

    /** Each output element is computed from the inputs' elements at its own index, read before it is written. */
    @Override
    public boolean canRunInPlace(OpContext ctx) {
        return true;
    }

    @Override
    public void lower(OpContext ctx, KernelWriter k) {
        DataType t = ctx.inputType(0).dataType();
        DataType ot = ctx.outputType(0).dataType();
        int a = k.address(ctx.inputName(0));
        int b = k.address(ctx.inputName(1));
        int out = k.address(ctx.outputName(0));
        BroadcastLoop.emit(k, ctx.outputType(0).shape(), List.of(ctx.inputType(0).shape(), ctx.inputType(1).shape()),
                (idx, o) -> {
                    k.pushByteOffset(o, ot);
                    k.pushByteOffset(idx[0], t);
                    k.load(t, a);
                    k.pushByteOffset(idx[1], t);
                    k.load(t, b);
                    emitScalar(ctx, k, t);
                    k.store(ot, out);
                });
    }
}
