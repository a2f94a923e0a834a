package dev.edgec.core.ops.quant;

import dev.edgec.core.lower.BroadcastLoop;
import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.core.ops.Operator;
import dev.edgec.ir.Shape;
import dev.edgec.ir.TensorType;
import dev.edgec.wasm.Code;
import java.util.List;

/**
 * {@code edgec.QLinearMul(a, a_scale, a_zero_point, b, b_scale, b_zero_point, c_scale, c_zero_point)}:
 * {@code c = saturate(round(a_scale·b_scale/c_scale · (a − a_zp)·(b − b_zp)) + c_zp)} with numpy
 * broadcasting: the integer product (at most 255², 17 bits) times one fixed-point multiplier, in i64,
 * rounded once (half to even). The product of two quantized tensors: SiLU's {@code x · sigmoid(x)},
 * a squeeze-and-excitation gate. Made by QDQ integer fusion; every parameter is a constant.
 */
final class QLinearMulOp implements Operator {
    private record Plan(QuantOperand a, QuantOperand b, QuantOperand c, Shape out) {
    }

    private static Plan plan(OpContext ctx) {
        ctx.expectInputs(8, 8);
        return new Plan(QuantOperand.readFor(ctx, 0, 1, 2, "a"), QuantOperand.readFor(ctx, 3, 4, 5, "b"),
                QuantOperand.read(ctx, 6, 7, "c"), QuantOperand.broadcast(ctx));
    }

    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        Plan p = plan(ctx);
        return List.of(new TensorType(p.c().type(), p.out()));
    }

    @Override
    public void lower(OpContext ctx, KernelWriter k) {
        Plan p = plan(ctx);
        FixedPointCode.Multipliers m = FixedPointCode.multipliers(ctx, "a_scale · b_scale / c_scale",
                p.a().scale() * p.b().scale() / p.c().scale());
        int a = k.address(ctx.inputName(0));
        int b = k.address(ctx.inputName(3));
        int out = k.address(ctx.outputName(0));
        FixedPointCode fixed = new FixedPointCode(k);
        Code c = k.code();
        BroadcastLoop.emit(k, p.out(), List.of(ctx.inputType(0).shape(), ctx.inputType(3).shape()), (idx, o) -> {
            c.localGet(o);
            k.pushByteOffset(idx[0], p.a().type());
            k.load(p.a().type(), a);
            c.i32Const((int) p.a().zeroPoint()).i32Sub();
            k.pushByteOffset(idx[1], p.b().type());
            k.load(p.b().type(), b);
            c.i32Const((int) p.b().zeroPoint()).i32Sub();
            c.i32Mul().i64ExtendI32S().i64Const(m.m0()[0]).i64Mul();
            fixed.roundShift(m.shift());
            fixed.addZeroPointAndSaturate(p.c().zeroPoint(), p.c().range());
            k.store(p.c().type(), out);
        });
    }

    @Override
    public boolean canRunInPlace(OpContext ctx) {
        return ctx.inputType(0).shape().equals(ctx.outputType(0).shape());
    }
}
