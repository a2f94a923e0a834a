package dev.edgec.core.ops.elementwise;

import dev.edgec.core.lower.BroadcastLoop;
import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.ConstantFolding;
import dev.edgec.core.ops.OpContext;
import dev.edgec.core.ops.Operator;
import dev.edgec.core.ops.ShapeInference;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.TensorType;
import java.util.List;

/** Where (opset 9+): condition ? X : Y elementwise, all three broadcasting; X and Y of any one type. */
final class WhereOp implements Operator {
    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        ctx.expectInputs(3, 3);
        ctx.expectType(0, List.of(DataType.BOOL));
        DataType t = ctx.inputType(1).dataType();
        if (ctx.inputType(2).dataType() != t) {
            throw ctx.error("X has type " + t.signatureName() + " but Y has " + ctx.inputType(2).dataType().signatureName());
        }
        List<Shape> shapes = List.of(ctx.inputType(0).shape(), ctx.inputType(1).shape(), ctx.inputType(2).shape());
        Shape out = ShapeInference.broadcast(shapes);
        if (out == null) {
            throw ctx.error("shapes " + shapes + " do not broadcast");
        }
        return List.of(new TensorType(t, out));
    }

    @Override
    public java.util.Optional<List<Tensor>> evaluate(OpContext ctx) {
        TensorType out = inferTypes(ctx).get(0);
        if (out.elementCount() > ConstantFolding.MAX_ELEMENTS) {
            return java.util.Optional.empty();
        }
        return ConstantFolding.smallConstantInputs(ctx)
                .map(in -> List.of(ConstantFolding.select(in.get(0), in.get(1), in.get(2), out)));
    }

    @Override
    public void lower(OpContext ctx, KernelWriter k) {
        DataType t = ctx.outputType(0).dataType();
        int cond = k.address(ctx.inputName(0));
        int x = k.address(ctx.inputName(1));
        int y = k.address(ctx.inputName(2));
        int out = k.address(ctx.outputName(0));
        BroadcastLoop.emit(k, ctx.outputType(0).shape(),
                List.of(ctx.inputType(0).shape(), ctx.inputType(1).shape(), ctx.inputType(2).shape()), (idx, o) -> {
                    k.pushByteOffset(o, t);
                    k.pushByteOffset(idx[1], t);
                    k.load(t, x);
                    k.pushByteOffset(idx[2], t);
                    k.load(t, y);
                    k.pushByteOffset(idx[0], DataType.BOOL);
                    k.load(DataType.BOOL, cond);
                    k.code().select();
                    k.store(t, out);
                });
    }
}
