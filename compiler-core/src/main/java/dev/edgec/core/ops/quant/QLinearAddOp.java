package dev.edgec.core.ops.quant;

import dev.edgec.core.lower.BroadcastLoop;
import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.core.ops.Operator;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.TensorType;
import dev.edgec.wasm.Code;
import java.util.List;

/**
 * {@code edgec.QLinearAdd(a, a_scale, a_zero_point, b, b_scale, b_zero_point, c_scale, c_zero_point)}:
 * {@code c = saturate(round((a_scale·(a − a_zp) + b_scale·(b − b_zp)) / c_scale) + c_zp)} with numpy
 * broadcasting, in fixed point: both terms get multipliers over one shared power of two, are summed
 * in i64 and rounded once (half to even). {@code b} may instead be a float32 constant with no scale
 * or zero point (a bias added to a quantized tensor): its values divided by c_scale are then folded
 * at compile time into an i64 table in the same units. Made by QDQ integer fusion; every parameter is
 * a constant.
 */
final class QLinearAddOp implements Operator {
    /** |b / c_scale| beyond this saturates any 8-bit output; clamping keeps the i64 sum from overflowing. */
    private static final double MAX_FLOAT_TERM = 1 << 20;

    private record Plan(QuantOperand a, QuantOperand b, Tensor floatB, QuantOperand c, Shape out) {
    }

    private static Plan plan(OpContext ctx) {
        ctx.expectInputs(8, 8);
        QuantOperand a = QuantOperand.readFor(ctx, 0, 1, 2, "a");
        QuantOperand c = QuantOperand.read(ctx, 6, 7, "c");
        QuantOperand b = null;
        Tensor floatB = null;
        if (ctx.hasInput(4)) {
            b = QuantOperand.readFor(ctx, 3, 4, 5, "b");
        } else {
            floatB = ctx.requireConstantInput(3, "b without a scale (a float32 constant)");
            if (floatB.dataType() != DataType.FLOAT32) {
                throw ctx.error("b without a scale must be a float32 constant, got " + floatB.type());
            }
        }
        return new Plan(a, b, floatB, c, QuantOperand.broadcast(ctx));
    }

    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        Plan p = plan(ctx);
        return List.of(new TensorType(p.c().type(), p.out()));
    }

    @Override
    public void lower(OpContext ctx, KernelWriter k) {
        Plan p = plan(ctx);
        String what = "a_scale / c_scale or b_scale / c_scale";
        FixedPointCode.Multipliers m = p.b() != null
                ? FixedPointCode.multipliers(ctx, what, p.a().scale() / p.c().scale(), p.b().scale() / p.c().scale())
                : FixedPointCode.multipliers(ctx, what, p.a().scale() / p.c().scale(), 1.0);
        int a = k.address(ctx.inputName(0));
        int out = k.address(ctx.outputName(0));
        int b = p.b() != null ? k.address(ctx.inputName(3)) : k.constantData(floatTerms(p.floatB(), p.c(), m.shift()));
        DataType bType = p.b() != null ? p.b().type() : DataType.INT64;
        FixedPointCode fixed = new FixedPointCode(k);
        Code c = k.code();
        BroadcastLoop.emit(k, p.out(), List.of(ctx.inputType(0).shape(), ctx.inputType(3).shape()), (idx, o) -> {
            c.localGet(o);
            k.pushByteOffset(idx[0], p.a().type());
            k.load(p.a().type(), a);
            c.i64ExtendI32S().i64Const(p.a().zeroPoint()).i64Sub().i64Const(m.m0()[0]).i64Mul();
            k.pushByteOffset(idx[1], bType);
            k.load(bType, b);
            if (p.b() != null) {
                c.i64ExtendI32S().i64Const(p.b().zeroPoint()).i64Sub().i64Const(m.m0()[1]).i64Mul();
            }
            c.i64Add();
            fixed.roundShift(m.shift());
            fixed.addZeroPointAndSaturate(p.c().zeroPoint(), p.c().range());
            k.store(p.c().type(), out);
        });
    }

    /** The float constant in units of c_scale · 2^-shift, as i64. */
    private static Tensor floatTerms(Tensor b, QuantOperand c, int shift) {
        long[] v = new long[b.elementCount()];
        for (int i = 0; i < v.length; i++) {
            double t = (float) b.getDouble(i) / c.scale();
            if (Double.isNaN(t)) {
                t = 0;
            }
            t = Math.max(-MAX_FLOAT_TERM, Math.min(MAX_FLOAT_TERM, t));
            v[i] = Math.round(Math.scalb(t, shift));
        }
        return Tensor.ofLongs(DataType.INT64, b.shape(), v);
    }

    @Override
    public boolean canRunInPlace(OpContext ctx) {
        return ctx.inputType(0).shape().equals(ctx.outputType(0).shape());
    }
}
