package dev.edgec.core.ops.indexing;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.core.ops.Operator;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.TensorType;
import java.util.List;

/**
 * ScatterElements (opset 11+, {@code reduction} from 16) and its deprecated alias Scatter (opset 9–10):
 * the output is the data with each update written (or combined) at the position of its index, which
 * replaces the update's coordinate along {@code axis} and is checked at run time. Updates are applied
 * in row-major order, so with duplicate indices the last one wins.
 */
final class ScatterElementsOp implements Operator {
    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        ctx.expectInputs(3, 3);
        RuntimeIndex.checkIndexType(ctx.inputType(1).dataType(), "indices", ctx::error);
        TensorType data = ctx.inputType(0);
        Shape idx = ctx.inputType(1).shape();
        int axis = Axes.attribute(ctx, data.shape().rank(), 0);
        Reduction.read(ctx);
        GatherElementsOp.checkSameRankWithin(ctx, data.shape(), idx, axis, "indices");
        if (!ctx.inputType(2).shape().equals(idx)) {
            throw ctx.error("updates of shape " + ctx.inputType(2).shape() + " must have the indices' shape " + idx);
        }
        if (ctx.inputType(2).dataType() != data.dataType()) {
            throw ctx.error("updates must have the data's type " + data.dataType().signatureName());
        }
        return List.of(data);
    }

    @Override
    public void lower(OpContext ctx, KernelWriter k) {
        TensorType dataType = ctx.inputType(0);
        Shape data = dataType.shape();
        Shape idx = ctx.inputType(1).shape();
        int axis = Axes.attribute(ctx, data.rank(), 0);
        Reduction reduction = Reduction.read(ctx);
        DataType t = dataType.dataType();
        DataType it = ctx.inputType(1).dataType();
        int bytes = t.byteSize();
        int out = k.address(ctx.outputName(0));
        k.copyBytes(k.address(ctx.inputName(0)), out, (int) dataType.byteSize());
        long axisStride = AffineNest.byteStrides(data.dims(), bytes)[axis];
        RuntimeIndex check = new RuntimeIndex(k);
        int row = k.newI32();
        int dst = k.newI32();
        var c = k.code();
        AffineNest.emit(k, idx.dims(), new long[][]{GatherElementsOp.offAxisStrides(data, axis, bytes),
                        AffineNest.byteStrides(idx.dims(), it.byteSize()), AffineNest.byteStrides(idx.dims(), bytes)},
                new long[]{out, k.address(ctx.inputName(1)), k.address(ctx.inputName(2))},
                (i, st) -> {
                    c.localGet(st[1]);
                    check.loadChecked(it, 0, data.dim(axis), row);
                    c.localGet(st[0]).localGet(row).i32Const((int) axisStride).i32Mul().i32Add().localSet(dst);
                    reduction.emit(k, t, dst, st[2]);
                });
    }
}
