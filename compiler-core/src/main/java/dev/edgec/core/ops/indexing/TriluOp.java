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
 * Trilu (opset 14+): keeps the upper ({@code upper} = 1: column - row >= k) or lower (column - row <= k)
 * triangle of each matrix in the last two axes and zeroes the rest; {@code k} is a constant input.
 */
final class TriluOp implements Operator {
    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        ctx.expectInputs(1, 2);
        if (ctx.inputType(0).shape().rank() < 2) {
            throw ctx.error("input must have rank >= 2, got " + ctx.inputType(0).shape());
        }
        ctx.attrs().getInt("upper", 1);
        diagonal(ctx);
        return List.of(ctx.inputType(0));
    }

    private static long diagonal(OpContext ctx) {
        if (!ctx.hasInput(1) || ctx.inputName(1).isEmpty()) {
            return 0;
        }
        var t = ConstantInts.scalar(ctx, 1, "k");
        if (t.dataType() != DataType.INT64) {
            throw ctx.error("k must be int64, got " + t.dataType().signatureName());
        }
        return t.getLong(0);
    }

    @Override
    public void lower(OpContext ctx, KernelWriter k) {
        Shape s = ctx.inputType(0).shape();
        boolean upper = ctx.attrs().getInt("upper", 1) != 0;
        // |k| beyond the matrix size keeps all or nothing; clamping keeps the i32 compare exact
        long limit = (long) s.dim(s.rank() - 1) + s.dim(s.rank() - 2) + 1;
        int diag = (int) Math.max(-limit, Math.min(limit, diagonal(ctx)));
        int bytes = ctx.inputType(0).dataType().byteSize();
        long[] strides = AffineNest.byteStrides(s.dims(), bytes);
        int r = s.rank();
        Code c = k.code();
        AffineNest.emit(k, s.dims(), new long[][]{strides, strides},
                new long[]{k.address(ctx.inputName(0)), k.address(ctx.outputName(0))}, (ix, st) -> {
                    c.localGet(ix[r - 1]).localGet(ix[r - 2]).i32Sub().i32Const(diag);
                    if (upper) {
                        c.i32GeS();
                    } else {
                        c.i32LeS();
                    }
                    c.if_();
                    RawElements.copy(c, st[0], st[1], bytes);
                    c.else_();
                    c.localGet(st[1]);
                    if (bytes == 8) {
                        c.i64Const(0);
                    } else {
                        c.i32Const(0);
                    }
                    RawElements.store(c, bytes, 0);
                    c.end();
                });
    }
}
