package dev.edgec.core.ops.indexing;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.core.ops.Operator;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.TensorType;
import java.util.List;
import java.util.Optional;

/**
 * Slice: starts/ends/axes are attributes before opset 10; from 10 they (and steps) are inputs, which
 * must be constants. Starts and ends are clamped as the spec says, so INT_MAX ends and negative
 * steps work. The result is folded at compile time when the data is a small constant.
 */
final class SliceOp implements Operator {
    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        return List.of(new TensorType(ctx.inputType(0).dataType(), Shape.of(view(ctx).counts())));
    }

    private static StridedView view(OpContext ctx) {
        Shape in = ctx.inputType(0).shape();
        long[] starts;
        long[] ends;
        long[] axes;
        long[] steps = null;
        if (ctx.opset() < 10) {
            ctx.expectInputs(1, 1);
            starts = ctx.attrs().getInts("starts", null);
            ends = ctx.attrs().getInts("ends", null);
            axes = ctx.attrs().getInts("axes", null);
            if (starts == null || ends == null) {
                throw ctx.error("required attributes 'starts' and 'ends' are missing");
            }
        } else {
            ctx.expectInputs(3, 5);
            starts = ConstantInts.read(ctx, 1, "starts");
            ends = ConstantInts.read(ctx, 2, "ends");
            axes = ctx.hasInput(3) && !ctx.inputName(3).isEmpty() ? ConstantInts.read(ctx, 3, "axes") : null;
            steps = ctx.hasInput(4) && !ctx.inputName(4).isEmpty() ? ConstantInts.read(ctx, 4, "steps") : null;
        }
        int rank = in.rank();
        if (axes == null) {
            axes = new long[starts.length];
            for (int i = 0; i < axes.length; i++) {
                axes[i] = i;
            }
        }
        if (ends.length != starts.length || axes.length != starts.length || (steps != null && steps.length != starts.length)) {
            throw ctx.error("starts, ends, axes and steps must have the same length");
        }
        int[] counts = in.dims();
        long[] rowMajor = StridedView.rowMajor(in.dims());
        long[] strides = rowMajor.clone();
        long start = 0;
        boolean[] seen = new boolean[rank];
        for (int i = 0; i < starts.length; i++) {
            int axis = Axes.normalize(ctx, axes[i], rank);
            if (seen[axis]) {
                throw ctx.error("axis " + axes[i] + " is listed twice");
            }
            seen[axis] = true;
            long step = steps == null ? 1 : steps[i];
            if (step == 0) {
                throw ctx.error("step 0 on axis " + axes[i]);
            }
            long dim = in.dim(axis);
            long s = starts[i] < 0 ? starts[i] + dim : starts[i];
            long e = ends[i] < 0 ? ends[i] + dim : ends[i];
            if (step > 0) {
                s = Math.max(0, Math.min(dim, s));
                e = Math.max(0, Math.min(dim, e));
            } else {
                s = Math.max(0, Math.min(dim - 1, s));
                e = Math.max(-1, Math.min(dim - 1, e));
            }
            // written so that no intermediate overflows, even for steps near ±2^63
            long span = step > 0 ? e - s : s - e;
            long n = span <= 0 ? 0 : 1 + (span - 1) / Math.abs(Math.max(step, -Long.MAX_VALUE));
            counts[axis] = (int) Math.max(0, n);
            strides[axis] = rowMajor[axis] * step;
            start += counts[axis] == 0 ? 0 : s * rowMajor[axis];
        }
        return new StridedView(counts, strides, start);
    }

    @Override
    public Optional<List<Tensor>> evaluate(OpContext ctx) {
        if (!ConstantInts.allSmallConstants(ctx, 0)) {
            return Optional.empty();
        }
        TensorType out = inferTypes(ctx).get(0);
        return Optional.of(List.of(view(ctx).evaluate(ctx.constantInput(0).orElseThrow(), out)));
    }

    @Override
    public void lower(OpContext ctx, KernelWriter k) {
        view(ctx).emitCopy(k, k.address(ctx.inputName(0)), k.address(ctx.outputName(0)),
                ctx.inputType(0).dataType().byteSize());
    }
}
