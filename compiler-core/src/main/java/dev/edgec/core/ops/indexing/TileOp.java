package dev.edgec.core.ops.indexing;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.core.ops.Operator;
import dev.edgec.ir.Shape;
import dev.edgec.ir.TensorType;
import java.util.List;

/**
 * Tile (opset 6+): repeats the input {@code repeats[d]} times along each axis. The output is walked as
 * (repeat, position) pairs per axis, where the repeat index has source stride 0.
 */
final class TileOp implements Operator {
    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        Shape in = ctx.inputType(0).shape();
        long[] repeats = repeats(ctx);
        int[] out = new int[in.rank()];
        for (int d = 0; d < in.rank(); d++) {
            long n = in.dim(d) * repeats[d];
            if (n > Integer.MAX_VALUE) {
                throw ctx.error("output is too large");
            }
            out[d] = (int) n;
        }
        return List.of(new TensorType(ctx.inputType(0).dataType(), Shape.of(out)));
    }

    private static long[] repeats(OpContext ctx) {
        ctx.expectInputs(2, 2);
        long[] repeats = ConstantInts.read(ctx, 1, "repeats");
        int rank = ctx.inputType(0).shape().rank();
        if (repeats.length != rank) {
            throw ctx.error("repeats has " + repeats.length + " values for an input of rank " + rank);
        }
        for (long r : repeats) {
            if (r < 0 || r > Integer.MAX_VALUE) {
                throw ctx.error("repeats " + java.util.Arrays.toString(repeats) + " has the invalid value " + r);
            }
        }
        return repeats;
    }

    @Override
    public void lower(OpContext ctx, KernelWriter k) {
        Shape in = ctx.inputType(0).shape();
        long[] repeats = repeats(ctx);
        long[] rowMajor = StridedView.rowMajor(in.dims());
        int[] counts = new int[2 * in.rank()];
        long[] strides = new long[2 * in.rank()];
        for (int d = 0; d < in.rank(); d++) {
            counts[2 * d] = (int) repeats[d];
            counts[2 * d + 1] = in.dim(d);
            strides[2 * d + 1] = rowMajor[d];
        }
        new StridedView(counts, strides, 0).emitCopy(k, k.address(ctx.inputName(0)), k.address(ctx.outputName(0)),
                ctx.inputType(0).dataType().byteSize());
    }
}
