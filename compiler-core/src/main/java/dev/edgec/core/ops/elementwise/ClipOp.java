package dev.edgec.core.ops.elementwise;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.core.ops.Operator;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.TensorType;
import dev.edgec.wasm.Code;
import java.util.List;

/**
 * Clip: min(max(x, lo), hi), so hi wins when lo > hi, as the spec says. Bounds are the attributes min
 * and max before opset 11 and optional constant scalar inputs from 11 (integer types from opset 12).
 * A float NaN input stays NaN.
 */
final class ClipOp implements Operator {
    private record Bounds(Tensor lo, Tensor hi) {
    }

    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        DataType t;
        if (ctx.opset() >= 11) {
            ctx.expectInputs(1, 3);
            t = ctx.expectType(0, ctx.opset() >= 12 ? NumericTypes.NUMERIC : NumericTypes.FLOATS);
        } else {
            ctx.expectInputs(1, 1);
            t = ctx.expectType(0, NumericTypes.FLOATS);
        }
        bounds(ctx, t);
        return List.of(ctx.inputType(0));
    }

    private static Bounds bounds(OpContext ctx, DataType t) {
        if (ctx.opset() < 11) {
            float lo = ctx.attrs().getFloat("min", -Float.MAX_VALUE);
            float hi = ctx.attrs().getFloat("max", Float.MAX_VALUE);
            return new Bounds(Tensor.ofDoubles(t, dev.edgec.ir.Shape.scalar(), lo),
                    Tensor.ofDoubles(t, dev.edgec.ir.Shape.scalar(), hi));
        }
        return new Bounds(bound(ctx, 1, "min", t), bound(ctx, 2, "max", t));
    }

    private static Tensor bound(OpContext ctx, int input, String what, DataType t) {
        if (!ctx.hasInput(input)) {
            return null;
        }
        Tensor v = ctx.requireConstantInput(input, what);
        if (v.dataType() != t || v.elementCount() != 1) {
            throw ctx.error(what + " must be a single " + t.signatureName() + ", got " + v.type());
        }
        return v;
    }

    /** Each output element is computed from the inputs' elements at its own index, read before it is written. */
    @Override
    public boolean canRunInPlace(OpContext ctx) {
        return true;
    }

    @Override
    public void lower(OpContext ctx, KernelWriter k) {
        TensorType type = ctx.inputType(0);
        DataType t = type.dataType();
        Bounds b = bounds(ctx, t);
        int in = k.address(ctx.inputName(0));
        int out = k.address(ctx.outputName(0));
        k.forRange(type.elementCount(), i -> {
            k.pushByteOffset(i, t);
            k.pushByteOffset(i, t);
            k.load(t, in);
            if (b.lo() != null) {
                push(k.code(), t, b.lo());
                MinMax.emit(k, t, true);
            }
            if (b.hi() != null) {
                push(k.code(), t, b.hi());
                MinMax.emit(k, t, false);
            }
            k.store(t, out);
        });
    }

    private static void push(Code c, DataType t, Tensor v) {
        switch (KernelWriter.stackType(t)) {
            case F32 -> c.f32Const((float) v.getDouble(0));
            case F64 -> c.f64Const(v.getDouble(0));
            case I64 -> c.i64Const(v.getLong(0));
            case I32 -> c.i32Const((int) v.getLong(0));
        }
    }
}
