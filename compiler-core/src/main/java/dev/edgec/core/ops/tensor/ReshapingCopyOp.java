package dev.edgec.core.ops.tensor;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.core.ops.Operator;
import dev.edgec.ir.Shape;
import dev.edgec.ir.TensorType;
import java.util.List;

/**
 * An operator whose output holds the input's bytes unchanged under a new shape (Reshape, Flatten,
 * Squeeze, Unsqueeze, Identity). Any element type works. When optimizing, the output is a view that
 * shares the input's bytes and no kernel runs; at -O0 the kernel is a plain copy.
 */
abstract class ReshapingCopyOp implements Operator {
    /** Checks inputs and attributes and returns the output shape. */
    protected abstract Shape outputShape(OpContext ctx);

    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        TensorType in = ctx.inputType(0);
        Shape out = outputShape(ctx);
        if (out.elementCount() != in.elementCount()) {
            throw ctx.error("cannot reshape " + in.shape() + " (" + in.elementCount() + " elements) to " + out
                    + " (" + out.elementCount() + " elements)");
        }
        return List.of(new TensorType(in.dataType(), out));
    }

    /** A small constant input folds to a constant: the same bytes under the new shape. */
    @Override
    public java.util.Optional<List<dev.edgec.ir.Tensor>> evaluate(OpContext ctx) {
        var in = ctx.constantInput(0);
        if (in.isEmpty() || in.get().elementCount() > dev.edgec.core.ops.ConstantFolding.MAX_ELEMENTS) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(List.of(dev.edgec.ir.Tensor.of(inferTypes(ctx).get(0), in.get().bytes())));
    }

    @Override
    public boolean isView(OpContext ctx) {
        return true;
    }

    @Override
    public void lower(OpContext ctx, KernelWriter k) {
        StridedCopy.contiguous(k, k.address(ctx.inputName(0)), k.address(ctx.outputName(0)), ctx.inputType(0).byteSize());
    }

    /** The int64 values of a constant 1-D input such as a shape or axes. */
    static long[] constantInts(OpContext ctx, int input, String what) {
        var t = ctx.requireConstantInput(input, what);
        if (t.dataType() != dev.edgec.ir.DataType.INT64 && t.dataType() != dev.edgec.ir.DataType.INT32) {
            throw ctx.error(what + " must be int64, got " + t.dataType().signatureName());
        }
        if (t.shape().rank() > 1) {
            throw ctx.error(what + " must be 1-D, got shape " + t.shape());
        }
        return t.toLongs();
    }
}
