package dev.edgec.core.ops.indexing;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.core.ops.Operator;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.TensorType;
import java.util.List;

/**
 * GatherElements (opset 11+): the output has the indices' shape, and each element is the data element
 * at the same position except along {@code axis}, where the index (checked at run time) says.
 */
final class GatherElementsOp implements Operator {
    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        ctx.expectInputs(2, 2);
        RuntimeIndex.checkIndexType(ctx.inputType(1).dataType(), "indices", ctx::error);
        Shape data = ctx.inputType(0).shape();
        Shape idx = ctx.inputType(1).shape();
        int axis = Axes.attribute(ctx, data.rank(), 0);
        checkSameRankWithin(ctx, data, idx, axis, "indices");
        return List.of(new TensorType(ctx.inputType(0).dataType(), idx));
    }

    /** Indices (or updates) must have data's rank and fit inside it off the axis. */
    static void checkSameRankWithin(OpContext ctx, Shape data, Shape idx, int axis, String what) {
        if (idx.rank() != data.rank()) {
            throw ctx.error(what + " of shape " + idx + " must have the rank of data " + data);
        }
        for (int d = 0; d < data.rank(); d++) {
            if (d != axis && idx.dim(d) > data.dim(d)) {
                throw ctx.error(what + " shape " + idx + " exceeds data shape " + data + " on axis " + d);
            }
        }
    }

    /** Byte strides of data with the axis zeroed: the part of a data address that the index does not give. */
    static long[] offAxisStrides(Shape data, int axis, int bytes) {
        long[] s = AffineNest.byteStrides(data.dims(), bytes);
        s[axis] = 0;
        return s;
    }

    @Override
    public void lower(OpContext ctx, KernelWriter k) {
        Shape data = ctx.inputType(0).shape();
        Shape idx = ctx.inputType(1).shape();
        int axis = Axes.attribute(ctx, data.rank(), 0);
        DataType it = ctx.inputType(1).dataType();
        int bytes = ctx.inputType(0).dataType().byteSize();
        long axisStride = AffineNest.byteStrides(data.dims(), bytes)[axis];
        RuntimeIndex check = new RuntimeIndex(k);
        int row = k.newI32();
        int src = k.newI32();
        var c = k.code();
        AffineNest.emit(k, idx.dims(), new long[][]{offAxisStrides(data, axis, bytes),
                        AffineNest.byteStrides(idx.dims(), it.byteSize()), AffineNest.byteStrides(idx.dims(), bytes)},
                new long[]{k.address(ctx.inputName(0)), k.address(ctx.inputName(1)), k.address(ctx.outputName(0))},
                (i, st) -> {
                    c.localGet(st[1]);
                    check.loadChecked(it, 0, data.dim(axis), row);
                    c.localGet(st[0]).localGet(row).i32Const((int) axisStride).i32Mul().i32Add().localSet(src);
                    RawElements.copy(c, src, st[2], bytes);
                });
    }
}
