package dev.edgec.core.ops.quant;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.core.ops.Operator;
import dev.edgec.core.ops.nn.ConvOp;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.TensorType;
import java.util.List;

/**
 * ConvInteger (opset 10): int8/uint8 convolution into int32, {@code Σ (x - x_zp)(w - w_zp)}, with
 * Conv's attributes; the weight zero point per tensor or per output channel.
 */
final class ConvIntegerOp implements Operator {
    static ConvOp.Plan plan(OpContext ctx) {
        ctx.expectInputs(2, 4);
        return checkOperands(ctx);
    }

    /** Checks x (input 0), w (1) and their zero points (2, 3): ConvInteger's layout, which {@link ConvIntegerToFloatOp} shares. */
    static ConvOp.Plan checkOperands(OpContext ctx) {
        DataType xt = ctx.expectType(0, QLinearMatMulOp.TYPES);
        DataType wt = ctx.expectType(1, QLinearMatMulOp.TYPES);
        ConvOp.Plan p = ConvOp.plan(ctx, ctx.inputType(0).shape(), ctx.inputType(1).shape());
        ZeroPoint.check(ctx, 2, xt, 0, "x_zero_point");
        ZeroPoint.check(ctx, 3, wt, p.filters(), "w_zero_point");
        return p;
    }

    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        return List.of(TensorType.of(DataType.INT32, plan(ctx).outputDims()));
    }

    @Override
    public void lower(OpContext ctx, KernelWriter k) {
        emit(ctx, k, plan(ctx), -1, DataType.INT32, (acc, ch) -> k.code().localGet(acc));
    }

    /**
     * Emits the integer convolution of ConvInteger's inputs (zero points folded and X padded where that
     * pays) into the output, starting each accumulator from the int32 bias at input {@code biasInput}
     * when it is given (-1: none); {@code sink} turns the accumulator into the {@code yt} value stored.
     */
    static void emit(OpContext ctx, KernelWriter k, ConvOp.Plan p, int biasInput, DataType yt, AccumulatorSink sink) {
        DataType xt = ctx.inputType(0).dataType();
        DataType wt = ctx.inputType(1).dataType();
        boolean perChannel = ctx.hasInput(3) && ctx.inputType(3).elementCount() > 1;
        boolean bias = biasInput >= 0 && ctx.hasInput(biasInput);
        long scratch = scratchBytes(ctx, p);
        new IntegerConvKernel(k, p).zeroPointsGiven(ctx.hasInput(2), ctx.hasInput(3))
                .foldZeroPoints(ctx.constantInput(1).orElse(null), constantOrNull(ctx, 2), constantOrNull(ctx, 3))
                .constantBias(bias, bias ? constantOrNull(ctx, biasInput) : null)
                .padInputIf(scratch > 0, k.address(ctx.inputName(0)), xt, ZeroPoint.lower(ctx, 2, xt, false),
                        scratch > 0 ? k.scratch() : -1)
                .emit(k.address(ctx.inputName(0)), xt, ZeroPoint.lower(ctx, 2, xt, false),
                        k.address(ctx.inputName(1)), wt, ZeroPoint.lower(ctx, 3, wt, perChannel),
                        bias ? () -> k.address(ctx.inputName(biasInput)) : null, k.address(ctx.outputName(0)), yt, sink);
    }

    @Override
    public long macs(OpContext ctx) {
        return plan(ctx).macs();
    }

    @Override
    public long scratchBytes(OpContext ctx) {
        return scratchBytes(ctx, plan(ctx));
    }

    /** The zero-point-padded copy of X when the weights and zero points are constants and padding is worth removing. */
    static long scratchBytes(OpContext ctx, ConvOp.Plan p) {
        boolean constants = ctx.constantInput(1).isPresent() && (!ctx.hasInput(2) || ctx.constantInput(2).isPresent())
                && (!ctx.hasInput(3) || ctx.constantInput(3).isPresent());
        return constants ? IntegerConvKernel.paddedInputBytes(p) : 0;
    }

    private static Tensor constantOrNull(OpContext ctx, int i) {
        return ctx.hasInput(i) ? ctx.constantInput(i).orElse(null) : null;
    }
}
