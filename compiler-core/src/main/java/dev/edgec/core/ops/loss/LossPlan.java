package dev.edgec.core.ops.loss;

import dev.edgec.core.ops.OpContext;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.TensorType;
import java.util.List;
import java.util.OptionalLong;

/**
 * What the loss operators share, read from the node: input 0 of shape [N, C, d1..dk] seen as N rows
 * of C classes, each class spread over {@code d = d1*..*dk} positions; the target [N, d1..dk];
 * the optional weight [C]; {@code reduction} and the optional {@code ignore_index}.
 */
record LossPlan(int n, int c, int d, DataType type, DataType targetType, boolean weighted,
                Reduction reduction, OptionalLong ignoreIndex) {

    /** Checks inputs 0-2 and the attributes; {@code types} are the element types input 0 may have. */
    static LossPlan of(OpContext ctx, List<DataType> types) {
        ctx.expectInputs(2, 3);
        DataType t = ctx.expectType(0, types);
        DataType tt = ctx.expectType(1, List.of(DataType.INT32, DataType.INT64));
        Shape x = ctx.inputType(0).shape();
        Shape target = ctx.inputType(1).shape();
        if (x.rank() < 2) {
            throw ctx.error("input must have shape [N, C] or [N, C, d1, ..., dk], got " + x);
        }
        if (!target.equals(targetShape(x))) {
            throw ctx.error("target shape " + target + " must be the input shape " + x + " without dimension 1");
        }
        boolean weighted = ctx.hasInput(2);
        if (weighted) {
            TensorType w = ctx.inputType(2);
            if (w.dataType() != t || !w.shape().equals(Shape.of(x.dim(1)))) {
                throw ctx.error("weight must be a " + t + " tensor of shape [" + x.dim(1) + "], got " + w);
            }
        }
        Reduction reduction = Reduction.of(ctx);
        OptionalLong ignore = ctx.attrs().has("ignore_index")
                ? OptionalLong.of(ctx.attrs().requireInt("ignore_index")) : OptionalLong.empty();
        int d = 1;
        for (int i = 2; i < x.rank(); i++) {
            d *= x.dim(i);
        }
        return new LossPlan(x.dim(0), x.dim(1), d, t, tt, weighted, reduction, ignore);
    }

    private static Shape targetShape(Shape x) {
        int[] dims = new int[x.rank() - 1];
        dims[0] = x.dim(0);
        for (int i = 2; i < x.rank(); i++) {
            dims[i - 1] = x.dim(i);
        }
        return Shape.of(dims);
    }

    /** The loss output: one value per target element with reduction none, else a scalar. */
    TensorType lossType(Shape targetShape) {
        return new TensorType(type, reduction == Reduction.NONE ? targetShape : Shape.scalar());
    }
}
