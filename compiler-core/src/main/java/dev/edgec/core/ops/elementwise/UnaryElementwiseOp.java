package dev.edgec.core.ops.elementwise;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.core.ops.Operator;
import dev.edgec.ir.DataType;
import dev.edgec.ir.TensorType;
import java.util.List;

/**
 * An operator computing {@code y[i] = f(x[i])} with the output type equal to the input type.
 * Subclasses give the types they accept, read their attributes, and emit f on one stack value.
 */
public abstract class UnaryElementwiseOp implements Operator {
    /** Element types this operator implements. */
    protected abstract List<DataType> types();

    /** Reads the operator's attributes (called during inference so that unknown ones are caught). */
    protected void readAttributes(OpContext ctx) {
    }

    /** Emits f: consumes one value of {@code t}'s stack type and pushes one. */
    protected abstract void emitScalar(OpContext ctx, KernelWriter k, DataType t);

    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        ctx.expectInputs(1, 1);
        ctx.expectType(0, types());
        readAttributes(ctx);
        return List.of(ctx.inputType(0));
    }

    /** Each output element is computed from the inputs' elements at its own index, read before it is written. */
    @Override
    public boolean canRunInPlace(OpContext ctx) {
        return true;
    }

    @Override
    public void lower(OpContext ctx, KernelWriter k) {
        TensorType t = ctx.inputType(0);
        DataType dt = t.dataType();
        int in = k.address(ctx.inputName(0));
        int out = k.address(ctx.outputName(0));
        k.forRange(t.elementCount(), i -> {
            k.pushByteOffset(i, dt);
            k.pushByteOffset(i, dt);
            k.load(dt, in);
            emitScalar(ctx, k, dt);
            k.store(dt, out);
        });
    }
}
