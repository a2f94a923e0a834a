package dev.edgec.core.ops.quant;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.core.ops.Operator;
import dev.edgec.core.ops.nn.ConvOp;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.TensorType;
import java.util.List;

/**
 * QLinearConv (opset 10): int8/uint8 convolution with Conv's attributes, an optional int32 bias, i32
 * accumulation and {@link Requantizer} requantization; weight scale and zero point per tensor or per
 * output channel. With constant scales the kernel has no float instruction.
 */
final class QLinearConvOp implements Operator {
    static ConvOp.Plan plan(OpContext ctx) {
        ctx.expectInputs(8, 9);
        DataType xt = ctx.expectType(0, QLinearMatMulOp.TYPES);
        DataType wt = ctx.expectType(3, QLinearMatMulOp.TYPES);
        for (int s : new int[] {1, 4, 6}) {
            ctx.expectType(s, List.of(DataType.FLOAT32));
        }
        DataType yt = ctx.expectType(7, QLinearMatMulOp.TYPES);
        OutputClamp.of(ctx, yt);
        ConvOp.Plan p = ConvOp.plan(ctx, ctx.inputType(0).shape(), ctx.inputType(3).shape());
        QLinearMatMulOp.scalar(ctx, 1, "x_scale");
        QLinearMatMulOp.scalar(ctx, 6, "y_scale");
        QLinearMatMulOp.scalar(ctx, 7, "y_zero_point");
        ZeroPoint.check(ctx, 2, xt, 0, "x_zero_point");
        ZeroPoint.check(ctx, 5, wt, p.filters(), "w_zero_point");
        int ws = ctx.inputType(4).elementCount();
        if (ws != 1 && (ws != p.filters() || ctx.inputType(4).shape().rank() != 1)) {
            throw ctx.error("w_scale of shape " + ctx.inputType(4).shape() + " must be a scalar or hold one value per "
                    + "output channel (" + p.filters() + ")");
        }
        if (ctx.hasInput(8)) {
            ctx.expectType(8, List.of(DataType.INT32));
            if (!ctx.inputType(8).shape().equals(Shape.of(p.filters()))) {
                throw ctx.error("bias B must have shape [" + p.filters() + "], got " + ctx.inputType(8).shape());
            }
        }
        return p;
    }

    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        return List.of(TensorType.of(ctx.inputType(7).dataType(), plan(ctx).outputDims()));
    }

    @Override
    public void lower(OpContext ctx, KernelWriter k) {
        ConvOp.Plan p = plan(ctx);
        DataType xt = ctx.inputType(0).dataType();
        DataType wt = ctx.inputType(3).dataType();
        DataType yt = ctx.inputType(7).dataType();
        Requantizer rq = new Requantizer(ctx, k, 1, 4, 6, 7, yt);
        new IntegerConvKernel(k, p).zeroPointsGiven(ctx.hasInput(2), ctx.hasInput(5))
                .foldZeroPoints(ctx.constantInput(3).orElse(null), constantOrNull(ctx, 2), constantOrNull(ctx, 5))
                .constantBias(ctx.hasInput(8), constantOrNull(ctx, 8))
                .padInputIf(scratchBytes(ctx) > 0, k.address(ctx.inputName(0)), xt, ZeroPoint.lower(ctx, 2, xt, false),
                        scratchBytes(ctx) > 0 ? k.scratch() : -1)
                .emit(k.address(ctx.inputName(0)), xt, ZeroPoint.lower(ctx, 2, xt, false),
                k.address(ctx.inputName(3)), wt, ZeroPoint.lower(ctx, 5, wt, ctx.inputType(5).elementCount() > 1),
                ctx.hasInput(8) ? () -> k.address(ctx.inputName(8)) : null, k.address(ctx.outputName(0)), yt, rq);
    }

    @Override
    public long macs(OpContext ctx) {
        return plan(ctx).macs();
    }

    /** The zero-point-padded copy of X when the weights and zero points are constants and padding is worth removing. */
    @Override
    public long scratchBytes(OpContext ctx) {
        boolean constants = ctx.constantInput(3).isPresent() && (!ctx.hasInput(2) || ctx.constantInput(2).isPresent())
                && (!ctx.hasInput(5) || ctx.constantInput(5).isPresent());
        return constants ? IntegerConvKernel.paddedInputBytes(plan(ctx)) : 0;
    }

    private static dev.edgec.ir.Tensor constantOrNull(OpContext ctx, int i) {
        return ctx.hasInput(i) ? ctx.constantInput(i).orElse(null) : null;
    }
}
