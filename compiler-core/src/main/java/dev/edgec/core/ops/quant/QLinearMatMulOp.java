package dev.edgec.core.ops.quant;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.core.ops.Operator;
import dev.edgec.core.ops.linalg.MatMulOp;
import dev.edgec.ir.DataType;
import dev.edgec.ir.TensorType;
import java.util.List;

/**
 * QLinearMatMul (opsets 10–21): int8/uint8 matmul with i32 accumulation and {@link Requantizer}
 * requantization. {@code a} is quantized per tensor; {@code b}'s scale and zero point may be per
 * tensor or per column (one per output column, as ONNX Runtime accepts).
 */
final class QLinearMatMulOp implements Operator {
    static final List<DataType> TYPES = List.of(DataType.UINT8, DataType.INT8);

    static MatMulOp.Geometry plan(OpContext ctx) {
        ctx.expectInputs(8, 8);
        DataType at = ctx.expectType(0, TYPES);
        DataType bt = ctx.expectType(3, TYPES);
        for (int s : new int[] {1, 4, 6}) {
            ctx.expectType(s, List.of(DataType.FLOAT32));
        }
        DataType yt = ctx.expectType(7, TYPES);
        OutputClamp.of(ctx, yt);
        MatMulOp.Geometry g = MatMulOp.geometry(ctx, ctx.inputType(0).shape(), ctx.inputType(3).shape());
        scalar(ctx, 1, "a_scale");
        scalar(ctx, 6, "y_scale");
        scalar(ctx, 7, "y_zero_point");
        ZeroPoint.check(ctx, 2, at, 0, "a_zero_point");
        ZeroPoint.check(ctx, 5, bt, g.n(), "b_zero_point");
        int bs = ctx.inputType(4).elementCount();
        if (bs != 1 && (bs != g.n() || ctx.inputType(4).shape().rank() != 1)) {
            throw ctx.unsupported("b_scale of shape " + ctx.inputType(4).shape() + " is not supported; edgec takes a scalar or "
                    + g.n() + " values, one per output column");
        }
        return g;
    }

    static void scalar(OpContext ctx, int i, String what) {
        if (ctx.inputType(i).elementCount() != 1) {
            throw ctx.unsupported(what + " of shape " + ctx.inputType(i).shape() + " is not supported; edgec takes a scalar");
        }
    }

    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        return List.of(new TensorType(ctx.inputType(7).dataType(), plan(ctx).out()));
    }

    @Override
    public void lower(OpContext ctx, KernelWriter k) {
        MatMulOp.Geometry g = plan(ctx);
        DataType at = ctx.inputType(0).dataType();
        DataType bt = ctx.inputType(3).dataType();
        DataType yt = ctx.inputType(7).dataType();
        Requantizer rq = new Requantizer(ctx, k, 1, 4, 6, 7, yt);
        IntegerMatMul.emit(k, g, k.address(ctx.inputName(0)), at, ZeroPoint.lower(ctx, 2, at, false),
                k.address(ctx.inputName(3)), bt, ZeroPoint.lower(ctx, 5, bt, ctx.inputType(5).elementCount() > 1),
                k.address(ctx.outputName(0)), yt, rq::emit);
    }

    @Override
    public long macs(OpContext ctx) {
        return plan(ctx).macs();
    }
}
