package dev.edgec.core.ops.elementwise;

import dev.edgec.core.lower.BroadcastLoop;
import dev.edgec.core.lower.Float16;
import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.ConstantFolding;
import dev.edgec.core.ops.OpContext;
import dev.edgec.core.ops.Operator;
import dev.edgec.core.ops.ShapeInference;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.TensorType;
import java.util.List;
import java.util.Optional;

/**
 * {@code c = f(a, b)} elementwise with numpy broadcasting (before opset 7, {@link LegacyBroadcast}'s).
 * Both inputs must have the same element
 * type; the output has that type unless {@link #outputType} says otherwise (comparisons give bool).
 */
public abstract class BinaryElementwiseOp implements Operator {
    protected abstract List<DataType> types();

    protected DataType outputType(DataType inputType) {
        return inputType;
    }

    protected void readAttributes(OpContext ctx) {
    }

    /** The shape input 1 broadcasts as: by default its own, or before opset 7 {@link LegacyBroadcast}'s. */
    protected Shape secondInputShape(OpContext ctx) {
        return LegacyBroadcast.secondInputShape(ctx);
    }

    /**
     * Emits f: consumes a then b (each of {@code t}'s stack type, unless a subclass accepts a different
     * type for b, whose value then comes in its own compute type) and pushes the result. {@code t} is the
     * type computed in: float32 for float16 tensors (see {@link Float16}).
     */
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
        Shape out = ShapeInference.broadcast(List.of(ctx.inputType(0).shape(), secondInputShape(ctx)));
        if (out == null) {
            throw ctx.error("shapes " + ctx.inputType(0).shape() + " and " + ctx.inputType(1).shape() + " do not broadcast");
        }
        return List.of(new TensorType(outputType(t), out));
    }

    /**
     * f in Java, for folding small constant inputs at compile time (shape arithmetic); null when the
     * operator is not folded. It must compute exactly what the kernel does.
     */
    protected ConstantFolding.Scalar fold() {
        return null;
    }

    @Override
    public Optional<List<Tensor>> evaluate(OpContext ctx) {
        ConstantFolding.Scalar f = fold();
        return f == null ? Optional.empty() : ConstantFolding.binary(ctx, inferTypes(ctx).get(0), f);
    }

    /** Each output element is computed from the inputs' elements at its own index, read before it is written. */
    @Override
    public boolean canRunInPlace(OpContext ctx) {
        return true;
    }

    @Override
    public void lower(OpContext ctx, KernelWriter k) {
        DataType t = ctx.inputType(0).dataType();
        DataType tb = ctx.inputType(1).dataType(); // t itself, except for Pow's exponent
        DataType ot = ctx.outputType(0).dataType();
        int a = k.address(ctx.inputName(0));
        int b = k.address(ctx.inputName(1));
        int out = k.address(ctx.outputName(0));
        List<Shape> shapes = List.of(ctx.inputType(0).shape(), secondInputShape(ctx));
        BroadcastLoop.emit(k, ctx.outputType(0).shape(), shapes,
                (idx, o) -> {
                    k.pushByteOffset(o, ot);
                    k.pushByteOffset(idx[0], t);
                    Float16.load(k, t, a);
                    k.pushByteOffset(idx[1], tb);
                    Float16.load(k, tb, b);
                    emitScalar(ctx, k, Float16.computeType(t));
                    Float16.store(k, ot, out);
                });
    }
}
