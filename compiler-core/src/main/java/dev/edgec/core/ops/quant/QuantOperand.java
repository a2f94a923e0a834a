package dev.edgec.core.ops.quant;

import dev.edgec.core.ops.OpContext;
import dev.edgec.core.ops.ShapeInference;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import java.util.List;

/**
 * The constant per-tensor scale and zero point of one operand of an integer-only kernel
 * ({@code real = scale · (q − zeroPoint)}). Integer-only kernels take every scale at compile time,
 * so that no float instruction is left in the module.
 */
record QuantOperand(double scale, long zeroPoint, DataType type) {
    static final List<DataType> TYPES = List.of(DataType.INT8, DataType.UINT8);

    /** Reads inputs {@code scaleInput} (float32, one value) and {@code zeroInput} (8-bit, one value, the type of the data). */
    static QuantOperand read(OpContext ctx, int scaleInput, int zeroInput, String what) {
        Tensor s = ctx.requireConstantInput(scaleInput, what + " scale");
        Tensor z = ctx.requireConstantInput(zeroInput, what + " zero point");
        if (s.dataType() != DataType.FLOAT32 || s.elementCount() != 1) {
            throw ctx.error(what + " scale must be one float32 value, got " + s.type());
        }
        if (!TYPES.contains(z.dataType()) || z.elementCount() != 1) {
            throw ctx.error(what + " zero point must be one int8 or uint8 value, got " + z.type());
        }
        double scale = (float) s.getDouble(0);
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw ctx.error(what + " scale must be positive and finite, got " + scale);
        }
        return new QuantOperand(scale, z.getLong(0), z.dataType());
    }

    /** As {@link #read}, for the parameters of 8-bit input {@code data}, whose type the zero point must have. */
    static QuantOperand readFor(OpContext ctx, int data, int scaleInput, int zeroInput, String what) {
        ctx.expectType(data, TYPES);
        QuantOperand o = read(ctx, scaleInput, zeroInput, what);
        if (o.type() != ctx.inputType(data).dataType()) {
            throw ctx.error(what + "_zero_point's type " + o.type() + " is not " + what + "'s type " + ctx.inputType(data).dataType());
        }
        return o;
    }

    /** The numpy-broadcast shape of a binary kernel's operands, inputs 0 and 3. */
    static Shape broadcast(OpContext ctx) {
        Shape out = ShapeInference.broadcast(List.of(ctx.inputType(0).shape(), ctx.inputType(3).shape()));
        if (out == null) {
            throw ctx.error("shapes " + ctx.inputType(0).shape() + " and " + ctx.inputType(3).shape() + " do not broadcast");
        }
        return out;
    }

    /** x's and y's parameters of a unary integer kernel {@code (x, x_scale, x_zero_point, y_scale, y_zero_point)}. */
    record Unary(QuantOperand x, QuantOperand y) {
    }

    /** Checks the five inputs of a unary integer kernel and reads x's and y's parameters. */
    static Unary unary(OpContext ctx) {
        ctx.expectInputs(5, 5);
        return new Unary(readFor(ctx, 0, 1, 2, "x"), read(ctx, 3, 4, "y"));
    }

    QuantRange range() {
        return QuantRange.of(type);
    }

    /** True when both quantize real values identically (a copy needs no requantization). */
    boolean sameAs(QuantOperand o) {
        return (float) scale == (float) o.scale && zeroPoint == o.zeroPoint && type == o.type;
    }
}
