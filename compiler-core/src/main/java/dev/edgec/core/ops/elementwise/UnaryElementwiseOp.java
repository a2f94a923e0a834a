package dev.edgec.core.ops.elementwise;

import dev.edgec.core.lower.Float16;
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

    /**
     * The type the kernel computes in for elements of {@code t}: by default t, or float32 for float16.
     * Float32 for float64 makes the loop demote on load and promote on store (see {@link Float32UnaryOp}).
     */
    protected DataType computeType(DataType t) {
        return Float16.computeType(t);
    }

    /** The output element type for input type {@code inputType} (by default the same). */
    protected DataType outputType(DataType inputType) {
        return inputType;
    }

    /**
     * Emits f: consumes one value of {@code t}'s stack type and pushes one of the output's. {@code t} is
     * the type computed in: float32 for float16 tensors (see {@link Float16}).
     */
    protected abstract void emitScalar(OpContext ctx, KernelWriter k, DataType t);

    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        ctx.expectInputs(1, 1);
        ctx.expectType(0, types());
        readAttributes(ctx);
        TensorType in = ctx.inputType(0);
        return List.of(new TensorType(outputType(in.dataType()), in.shape()));
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
        DataType ot = ctx.outputType(0).dataType();
        DataType ct = computeType(dt);
        int in = k.address(ctx.inputName(0));
        int out = k.address(ctx.outputName(0));
        k.forRange(t.elementCount(), i -> {
            k.pushByteOffset(i, ot);
            k.pushByteOffset(i, dt);
            Float16.load(k, dt, in);
            boolean demoted = dt == DataType.FLOAT64 && ct == DataType.FLOAT32;
            if (demoted) {
                k.code().f32DemoteF64();
            }
            emitScalar(ctx, k, ct);
            if (demoted && ot == DataType.FLOAT64) {
                k.code().f64PromoteF32();
            }
            Float16.store(k, ot, out);
        });
    }
}
