package dev.edgec.core.ops.quant;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.core.ops.Operator;
import dev.edgec.core.ops.linalg.MatMulOp;
import dev.edgec.ir.DataType;
import dev.edgec.ir.TensorType;
import java.util.List;

/**
 * MatMulInteger (opset 10): int8/uint8 matmul into int32, {@code Σ (a - a_zp)(b - b_zp)}; the zero
 * point of {@code a} per tensor, that of {@code b} per tensor or per column.
 */
final class MatMulIntegerOp implements Operator {
    static MatMulOp.Geometry plan(OpContext ctx) {
        ctx.expectInputs(2, 4);
        DataType at = ctx.expectType(0, QLinearMatMulOp.TYPES);
        DataType bt = ctx.expectType(1, QLinearMatMulOp.TYPES);
        MatMulOp.Geometry g = MatMulOp.geometry(ctx);
        ZeroPoint.check(ctx, 2, at, 0, "a_zero_point");
        ZeroPoint.check(ctx, 3, bt, g.n(), "b_zero_point");
        return g;
    }

    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        return List.of(new TensorType(DataType.INT32, plan(ctx).out()));
    }

    @Override
    public void lower(OpContext ctx, KernelWriter k) {
        MatMulOp.Geometry g = plan(ctx);
        DataType at = ctx.inputType(0).dataType();
        DataType bt = ctx.inputType(1).dataType();
        boolean perColumn = ctx.hasInput(3) && ctx.inputType(3).elementCount() > 1;
        IntegerMatMul.emit(k, g, k.address(ctx.inputName(0)), at, ZeroPoint.lower(ctx, 2, at, false),
                k.address(ctx.inputName(1)), bt, ZeroPoint.lower(ctx, 3, bt, perColumn),
                k.address(ctx.outputName(0)), DataType.INT32, (acc, ch) -> k.code().localGet(acc));
    }

    @Override
    public long macs(OpContext ctx) {
        return plan(ctx).macs();
    }
}
