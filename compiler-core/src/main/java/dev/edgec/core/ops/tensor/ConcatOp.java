package dev.edgec.core.ops.tensor;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.core.ops.Operator;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.TensorType;
import java.util.List;

/**
 * Concat (opset 4+): joins any number of inputs along {@code axis} (negative from opset 11). Each input
 * is copied as rows of its trailing block into the output's wider rows.
 */
final class ConcatOp implements Operator {
    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        if (ctx.inputCount() < 1) {
            throw ctx.error("needs at least one input");
        }
        TensorType first = ctx.inputType(0);
        int rank = first.shape().rank();
        int axis = axis(ctx);
        int[] out = first.shape().dims();
        long total = 0;
        for (int i = 0; i < ctx.inputCount(); i++) {
            TensorType t = ctx.inputType(i);
            if (t.dataType() != first.dataType()) {
                throw ctx.error("input " + i + " has type " + t.dataType().signatureName() + ", input 0 has "
                        + first.dataType().signatureName());
            }
            if (t.shape().rank() != rank) {
                throw ctx.error("input " + i + " has shape " + t.shape() + ", input 0 has " + first.shape());
            }
            for (int d = 0; d < rank; d++) {
                if (d != axis && t.shape().dim(d) != out[d]) {
                    throw ctx.error("input " + i + " has shape " + t.shape() + ", which differs from input 0's "
                            + first.shape() + " outside axis " + axis);
                }
            }
            total += t.shape().dim(axis);
        }
        out[axis] = (int) Math.min(total, Integer.MAX_VALUE);
        return List.of(new TensorType(first.dataType(), Shape.ofLongs(java.util.Arrays.stream(out).asLongStream().toArray())));
    }

    private static int axis(OpContext ctx) {
        int rank = ctx.inputType(0).shape().rank();
        if (rank == 0) {
            throw ctx.error("cannot concatenate scalars");
        }
        long axis = ctx.attrs().requireInt("axis");
        if (axis < (ctx.opset() >= 11 ? -rank : 0) || axis >= rank) {
            throw ctx.error("axis " + axis + " is out of range for rank " + rank);
        }
        return (int) (axis < 0 ? axis + rank : axis);
    }

    /** Small constant inputs (shape vectors being assembled) fold to a constant. */
    @Override
    public java.util.Optional<List<dev.edgec.ir.Tensor>> evaluate(OpContext ctx) {
        TensorType outType = inferTypes(ctx).get(0);
        var ins = dev.edgec.core.ops.ConstantFolding.smallConstantInputs(ctx);
        if (ins.isEmpty() || outType.elementCount() > dev.edgec.core.ops.ConstantFolding.MAX_ELEMENTS) {
            return java.util.Optional.empty();
        }
        int axis = axis(ctx);
        Shape s = outType.shape();
        int outer = 1;
        for (int d = 0; d < axis; d++) {
            outer *= s.dim(d);
        }
        byte[] out = new byte[(int) outType.byteSize()];
        int at = 0;
        for (int o = 0; o < outer; o++) {
            for (dev.edgec.ir.Tensor t : ins.get()) {
                int row = (int) (t.type().byteSize() / Math.max(1, outer));
                t.data().get(o * row, out, at, row);
                at += row;
            }
        }
        return java.util.Optional.of(List.of(dev.edgec.ir.Tensor.of(outType, out)));
    }

    @Override
    public void lower(OpContext ctx, KernelWriter k) {
        int axis = axis(ctx);
        Shape outShape = ctx.outputType(0).shape();
        DataType dt = ctx.outputType(0).dataType();
        long outer = 1;
        for (int d = 0; d < axis; d++) {
            outer *= outShape.dim(d);
        }
        long inner = (long) dt.byteSize();
        for (int d = axis + 1; d < outShape.rank(); d++) {
            inner *= outShape.dim(d);
        }
        long outRow = inner * outShape.dim(axis);
        int out = k.address(ctx.outputName(0));
        long offset = 0;
        for (int i = 0; i < ctx.inputCount(); i++) {
            long row = inner * ctx.inputType(i).shape().dim(axis);
            StridedCopy.emit(k, k.address(ctx.inputName(i)), (int) (out + offset), new int[]{(int) outer},
                    new long[]{row}, new long[]{outRow}, row);
            offset += row;
        }
    }
}
