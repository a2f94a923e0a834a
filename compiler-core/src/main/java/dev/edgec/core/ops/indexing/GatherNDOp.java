package dev.edgec.core.ops.indexing;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.core.ops.Operator;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.TensorType;
import java.util.Arrays;
import java.util.List;

/**
 * GatherND (opset 11+, {@code batch_dims} from 12): each tuple on the last axis of the indices picks
 * a slice of the data (after the first {@code batch_dims} axes, which data and indices share).
 */
final class GatherNDOp implements Operator {
    /** The geometry shared by GatherND and ScatterND. */
    record Layout(int batch, int tuples, int q, int slice, int[] tupleDims, long[] tupleStrides, long batchBytes) {
        static Layout of(OpContext ctx, Shape data, Shape idx, int b, int bytes) {
            if (idx.rank() < 1 || b < 0 || b >= Math.min(data.rank(), idx.rank())) {
                throw ctx.error("batch_dims " + b + " does not fit data " + data + " and indices " + idx);
            }
            int q = idx.dim(idx.rank() - 1);
            if (q < 1 || b + q > data.rank()) {
                throw ctx.error("index tuples of length " + q + " do not fit data of shape " + data);
            }
            int batch = 1;
            for (int d = 0; d < b; d++) {
                if (data.dim(d) != idx.dim(d)) {
                    throw ctx.error("data " + data + " and indices " + idx + " differ in the first " + b + " (batch) axes");
                }
                batch *= data.dim(d);
            }
            int tuples = 1;
            for (int d = b; d < idx.rank() - 1; d++) {
                tuples *= idx.dim(d);
            }
            int slice = 1;
            for (int d = b + q; d < data.rank(); d++) {
                slice *= data.dim(d);
            }
            long[] strides = AffineNest.byteStrides(data.dims(), bytes);
            long batchBytes = b == 0 ? 0 : strides[b - 1];
            return new Layout(batch, tuples, q, slice, Arrays.copyOfRange(data.dims(), b, b + q),
                    Arrays.copyOfRange(strides, b, b + q), batchBytes);
        }
    }

    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        ctx.expectInputs(2, 2);
        if (ctx.inputType(1).dataType() != DataType.INT64) {
            throw ctx.error("indices must be int64, got " + ctx.inputType(1).dataType().signatureName());
        }
        Shape data = ctx.inputType(0).shape();
        Shape idx = ctx.inputType(1).shape();
        int b = batchDims(ctx);
        Layout l = Layout.of(ctx, data, idx, b, 1);
        int[] out = new int[idx.rank() - 1 + data.rank() - b - l.q()];
        int n = 0;
        for (int d = 0; d < idx.rank() - 1; d++) {
            out[n++] = idx.dim(d);
        }
        for (int d = b + l.q(); d < data.rank(); d++) {
            out[n++] = data.dim(d);
        }
        return List.of(new TensorType(ctx.inputType(0).dataType(), Shape.of(out)));
    }

    private static int batchDims(OpContext ctx) {
        return ctx.opset() >= 12 ? (int) ctx.attrs().getInt("batch_dims", 0) : 0;
    }

    @Override
    public void lower(OpContext ctx, KernelWriter k) {
        DataType t = ctx.inputType(0).dataType();
        DataType it = ctx.inputType(1).dataType();
        int bytes = t.byteSize();
        Layout l = Layout.of(ctx, ctx.inputType(0).shape(), ctx.inputType(1).shape(), batchDims(ctx), bytes);
        RuntimeIndex check = new RuntimeIndex(k);
        int src = k.newI32();
        int dst = k.newI32();
        long sliceBytes = (long) l.slice() * bytes;
        long tupleBytes = (long) l.q() * it.byteSize();
        AffineNest.emit(k, new int[]{l.batch(), l.tuples()}, new long[][]{{l.batchBytes(), 0},
                        {l.tuples() * tupleBytes, tupleBytes}, {l.tuples() * sliceBytes, sliceBytes}},
                new long[]{k.address(ctx.inputName(0)), k.address(ctx.inputName(1)), k.address(ctx.outputName(0))},
                (i, st) -> {
                    IndexTuple.emitAddress(k, check, it, st[1], l.tupleDims(), l.tupleStrides(), st[0], src);
                    k.code().localGet(st[2]).localSet(dst);
                    RawElements.copyRun(k, src, dst, l.slice(), bytes);
                });
    }
}
