package dev.edgec.core.ops.elementwise;

import dev.edgec.core.lower.BroadcastLoop;
import dev.edgec.core.lower.Float16;
import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.core.ops.Operator;
import dev.edgec.core.ops.ShapeInference;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.TensorType;
import dev.edgec.wasm.Code;
import java.util.ArrayList;
import java.util.List;

/**
 * Max, Min, Sum, Mean over one or more inputs with numpy broadcasting (opset 8+; opset 6 and 7
 * require equal shapes). Inputs are folded
 * left to right in the element's type (float16 in float32, rounded once at the end); Mean divides
 * the sum by the input count. Float Max/Min return NaN when any input is NaN.
 */
final class VariadicOp implements Operator {
    enum Kind { MAX, MIN, SUM, MEAN }

    private final Kind kind;

    VariadicOp(Kind kind) {
        this.kind = kind;
    }

    private List<DataType> types(OpContext ctx) {
        boolean anyNumeric = (kind == Kind.MAX || kind == Kind.MIN) && ctx.opset() >= 12;
        return anyNumeric ? NumericTypes.NUMERIC_AND_FLOAT16 : NumericTypes.FLOATS_AND_FLOAT16;
    }

    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        if (ctx.inputCount() < 1) {
            throw ctx.error("needs at least one input");
        }
        DataType t = ctx.expectType(0, types(ctx));
        List<Shape> shapes = new ArrayList<>();
        for (int i = 0; i < ctx.inputCount(); i++) {
            if (ctx.inputType(i).dataType() != t) {
                throw ctx.error("input " + i + " has type " + ctx.inputType(i).dataType().signatureName()
                        + ", input 0 has " + t.signatureName());
            }
            shapes.add(ctx.inputType(i).shape());
        }
        if (ctx.opset() < 8 && shapes.stream().distinct().count() > 1) {
            throw ctx.error("before opset 8 all inputs must have the same shape, got " + shapes);
        }
        Shape out = ShapeInference.broadcast(shapes);
        if (out == null) {
            throw ctx.error("shapes " + shapes + " do not broadcast");
        }
        return List.of(new TensorType(t, out));
    }

    @Override
    public void lower(OpContext ctx, KernelWriter k) {
        DataType dt = ctx.outputType(0).dataType();
        DataType t = Float16.computeType(dt);
        int n = ctx.inputCount();
        int[] at = new int[n];
        List<Shape> shapes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            at[i] = k.address(ctx.inputName(i));
            shapes.add(ctx.inputType(i).shape());
        }
        int out = k.address(ctx.outputName(0));
        BroadcastLoop.emit(k, ctx.outputType(0).shape(), shapes, (idx, o) -> {
            k.pushByteOffset(o, dt);
            for (int i = 0; i < n; i++) {
                k.pushByteOffset(idx[i], dt);
                Float16.load(k, dt, at[i]);
                if (i > 0) {
                    combine(k, t);
                }
            }
            if (kind == Kind.MEAN) {
                Code c = k.code();
                if (t == DataType.FLOAT32) {
                    c.f32Const(n).f32Div();
                } else {
                    c.f64Const(n).f64Div();
                }
            }
            Float16.store(k, dt, out);
        });
    }

    private void combine(KernelWriter k, DataType t) {
        switch (kind) {
            case MAX -> MinMax.emit(k, t, true);
            case MIN -> MinMax.emit(k, t, false);
            case SUM, MEAN -> {
                if (t == DataType.FLOAT32) {
                    k.code().f32Add();
                } else {
                    k.code().f64Add();
                }
            }
        }
    }
}
