package dev.edgec.core.ops.indexing;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.core.ops.Operator;
import dev.edgec.ir.Shape;
import dev.edgec.ir.TensorType;
import java.util.ArrayList;
import java.util.List;

/**
 * Split: cuts the input along {@code axis} into the outputs. Sizes come from the {@code split}
 * attribute before opset 13 and a constant input from 13; without them the parts are equal, and from
 * opset 18 {@code num_outputs} parts of ceil(dim / n) with a smaller last one.
 */
final class SplitOp implements Operator {
    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        Shape in = ctx.inputType(0).shape();
        int axis = Axes.attribute(ctx, in.rank(), 0);
        long[] sizes = sizes(ctx, in.dim(axis));
        List<TensorType> out = new ArrayList<>();
        for (long s : sizes) {
            int[] dims = in.dims();
            dims[axis] = (int) s;
            out.add(new TensorType(ctx.inputType(0).dataType(), Shape.of(dims)));
        }
        return out;
    }

    private static long[] sizes(OpContext ctx, int dim) {
        int n = ctx.outputCount();
        long[] split = null;
        if (ctx.opset() >= 13) {
            ctx.expectInputs(1, 2);
            if (ctx.hasInput(1) && !ctx.inputName(1).isEmpty()) {
                split = ConstantInts.read(ctx, 1, "split");
            }
        } else {
            ctx.expectInputs(1, ctx.opset() == 1 ? 2 : 1);
            split = ctx.attrs().getInts("split", null);
            if (split == null && ctx.opset() == 1 && ctx.hasInput(1)) {
                split = ConstantInts.read(ctx, 1, "split");
            }
        }
        long numOutputs = ctx.opset() >= 18 ? ctx.attrs().getInt("num_outputs", 0) : 0;
        if (split != null) {
            if (numOutputs != 0) {
                throw ctx.error("takes either a split input or num_outputs, not both");
            }
            long sum = 0;
            for (long s : split) {
                if (s < 0) {
                    throw ctx.error("split " + java.util.Arrays.toString(split) + " has a negative size");
                }
                sum += s;
            }
            if (split.length != n || sum != dim) {
                throw ctx.error("split " + java.util.Arrays.toString(split) + " does not cut a dimension of " + dim
                        + " into " + n + " outputs");
            }
            return split;
        }
        if (numOutputs != 0 && numOutputs != n) {
            throw ctx.error("num_outputs is " + numOutputs + " but the node has " + n + " outputs");
        }
        long chunk = numOutputs != 0 ? (dim + n - 1) / n : dim / n;
        if (numOutputs == 0 && dim % n != 0) {
            throw ctx.error("cannot split a dimension of " + dim + " into " + n + " equal parts");
        }
        long[] sizes = new long[n];
        for (int i = 0; i < n; i++) {
            sizes[i] = Math.max(0, Math.min(chunk, dim - chunk * i));
        }
        return sizes;
    }

    @Override
    public void lower(OpContext ctx, KernelWriter k) {
        Shape in = ctx.inputType(0).shape();
        int axis = Axes.attribute(ctx, in.rank(), 0);
        long[] sizes = sizes(ctx, in.dim(axis));
        long[] rowMajor = StridedView.rowMajor(in.dims());
        int bytes = ctx.inputType(0).dataType().byteSize();
        long offset = 0;
        for (int o = 0; o < sizes.length; o++) {
            int[] counts = in.dims();
            counts[axis] = (int) sizes[o];
            if (!ctx.outputName(o).isEmpty()) {
                new StridedView(counts, rowMajor, offset * rowMajor[axis])
                        .emitCopy(k, k.address(ctx.inputName(0)), k.address(ctx.outputName(o)), bytes);
            }
            offset += sizes[o];
        }
    }
}
