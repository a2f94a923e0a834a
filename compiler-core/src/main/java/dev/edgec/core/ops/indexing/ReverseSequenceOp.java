package dev.edgec.core.ops.indexing;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.core.ops.Operator;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.TensorType;
import dev.edgec.wasm.Code;
import java.util.List;

/**
 * ReverseSequence (opset 10+): for each batch entry {@code b}, reverses the first
 * {@code sequence_lens[b]} steps along the time axis and copies the rest. A length outside
 * [0, time steps] (read at run time) makes {@code run()} fail with INDEX_OUT_OF_RANGE.
 */
final class ReverseSequenceOp implements Operator {
    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        ctx.expectInputs(2, 2);
        Shape s = ctx.inputType(0).shape();
        int[] axes = axes(ctx);
        if (ctx.inputType(1).dataType() != DataType.INT64 || !ctx.inputType(1).shape().equals(Shape.of(s.dim(axes[0])))) {
            throw ctx.error("sequence_lens must be int64 of shape [" + s.dim(axes[0]) + "], got " + ctx.inputType(1));
        }
        return List.of(ctx.inputType(0));
    }

    /** {batch axis, time axis}: one is 0 and the other 1. */
    private static int[] axes(OpContext ctx) {
        long batch = ctx.attrs().getInt("batch_axis", 1);
        long time = ctx.attrs().getInt("time_axis", 0);
        if (ctx.inputType(0).shape().rank() < 2 || batch + time != 1 || batch * time != 0) {
            throw ctx.error("batch_axis " + batch + " and time_axis " + time + " must be 0 and 1 of an input of rank >= 2");
        }
        return new int[]{(int) batch, (int) time};
    }

    @Override
    public void lower(OpContext ctx, KernelWriter k) {
        Shape s = ctx.inputType(0).shape();
        int[] axes = axes(ctx);
        int bytes = ctx.inputType(0).dataType().byteSize();
        long[] strides = AffineNest.byteStrides(s.dims(), bytes);
        int steps = s.dim(axes[1]);
        int inner = s.elementCount() / Math.max(1, s.dim(0) * s.dim(1));
        if (s.elementCount() == 0) {
            return;
        }
        int in = k.address(ctx.inputName(0));
        int out = k.address(ctx.outputName(0));
        RuntimeIndex check = new RuntimeIndex(k);
        int len = k.newI32();
        int from = k.newI32();
        int src = k.newI32();
        int dst = k.newI32();
        Code c = k.code();
        AffineNest.emit(k, new int[]{s.dim(axes[0])}, new long[][]{{8}, {strides[axes[0]]}},
                new long[]{k.address(ctx.inputName(1)), 0}, (b, st) -> {
                    c.localGet(st[0]);
                    check.loadChecked(DataType.INT64, 0, steps + 1L, len, false);
                    k.forRange(steps, t -> {
                        // t < len reads step len-1-t, later steps stay in place
                        c.localGet(len).i32Const(1).i32Sub().localGet(t).i32Sub().localGet(t);
                        c.localGet(t).localGet(len).i32LtS().select().localSet(from);
                        c.localGet(st[1]).localGet(from).i32Const((int) strides[axes[1]]).i32Mul().i32Add()
                                .i32Const(in).i32Add().localSet(src);
                        c.localGet(st[1]).localGet(t).i32Const((int) strides[axes[1]]).i32Mul().i32Add()
                                .i32Const(out).i32Add().localSet(dst);
                        RawElements.copyRun(k, src, dst, inner, bytes);
                    });
                });
    }
}
