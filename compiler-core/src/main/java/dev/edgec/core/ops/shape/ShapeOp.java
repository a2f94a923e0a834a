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

/** Shape: the input's dimensions as int64 (with start/end slicing from opset 15). Always known at compile time. */
final class ShapeOp implements Operator {
    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        ctx.expectInputs(1, 1);
        int[] range = range(ctx);
        return List.of(TensorType.of(DataType.INT64, range[1] - range[0]));
    }

    /** [start, end) over the input's dimensions, clamped as the spec says. */
    private static int[] range(OpContext ctx) {
        int rank = ctx.inputType(0).shape().rank();
        long start = 0;
        long end = rank;
        if (ctx.opset() >= 15) {
            start = ctx.attrs().getInt("start", 0);
            end = ctx.attrs().has("end") ? ctx.attrs().getInt("end", rank) : rank;
        }
        start = clamp(start < 0 ? start + rank : start, rank);
        end = clamp(end < 0 ? end + rank : end, rank);
        return new int[] {(int) start, (int) Math.max(start, end)};
    }

    private static long clamp(long v, int rank) {
        return Math.max(0, Math.min(rank, v));
    }

    @Override
    public Optional<List<Tensor>> evaluate(OpContext ctx) {
        int[] r = range(ctx);
        int[] dims = ctx.inputType(0).shape().dims();
        long[] values = new long[r[1] - r[0]];
        for (int i = 0; i < values.length; i++) {
            values[i] = dims[r[0] + i];
        }
        return Optional.of(List.of(Tensor.ofLongs(DataType.INT64, Shape.of(values.length), values)));
    }

    @Override
    public void lower(OpContext ctx, KernelWriter k) {
        throw new IllegalStateException("Shape is always evaluated at compile time");
    }
}
