package dev.edgec.core.ops.quant;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.core.ops.Operator;
import dev.edgec.ir.TensorType;
import dev.edgec.wasm.Code;
import java.util.List;

/**
 * {@code dev.edgec.QLinearClamp(x, x_scale, x_zero_point, y_scale, y_zero_point)}, attributes {@code lo}
 * and {@code hi} (bounds on y's integer values, default y's type range): requantizes x to y's scale and
 * zero point in fixed point, then clamps. It is the integer form of Relu ({@code lo} = y's zero point),
 * Clip ({@code lo}, {@code hi} = the bounds quantized as y) and a requantizing copy: quantization is
 * monotonic, so {@code Q(clip(v, a, b)) = clamp(Q(v), Q(a), Q(b))}. With equal parameters it is a
 * plain integer clamp.
 * Made by QDQ integer fusion ({@code core/quant/IntegerFusion}); every parameter is a constant.
 */
final class QLinearClampOp implements Operator {
    private record Plan(QuantOperand x, QuantOperand y, long lo, long hi) {
    }

    private static Plan plan(OpContext ctx) {
        QuantOperand.Unary xy = QuantOperand.unary(ctx);
        QuantOperand x = xy.x();
        QuantOperand y = xy.y();
        long lo = Math.max(ctx.attrs().getInt("lo", y.range().min()), y.range().min());
        long hi = Math.min(ctx.attrs().getInt("hi", y.range().max()), y.range().max());
        return new Plan(x, y, lo, Math.max(lo, hi));
    }

    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        Plan p = plan(ctx);
        return List.of(new TensorType(p.y().type(), ctx.inputType(0).shape()));
    }

    @Override
    public void lower(OpContext ctx, KernelWriter k) {
        Plan p = plan(ctx);
        Code c = k.code();
        int in = k.address(ctx.inputName(0));
        int out = k.address(ctx.outputName(0));
        int v = k.newI32();
        int n = ctx.inputType(0).elementCount();
        FixedPointCode fixed = new FixedPointCode(k);
        boolean copy = p.x().sameAs(p.y());
        FixedPointCode.Multipliers m = copy ? null
                : FixedPointCode.multipliers(ctx, "x_scale / y_scale", p.x().scale() / p.y().scale());
        k.forRange(n, i -> {
            c.localGet(i);
            c.localGet(i);
            k.load(p.x().type(), in);
            if (!copy) {
                c.i64ExtendI32S().i64Const(p.x().zeroPoint()).i64Sub().i64Const(m.m0()[0]).i64Mul();
                fixed.roundShift(m.shift());
                fixed.addZeroPointAndSaturate(p.y().zeroPoint(), p.y().range());
            }
            FixedPointCode.clampI32(c, v, p.lo(), p.hi());
            k.store(p.y().type(), out);
        });
    }

    @Override
    public boolean canRunInPlace(OpContext ctx) {
        return true;
    }
}
