package dev.edgec.core.ops.reduce;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.core.ops.Operator;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.TensorType;
import dev.edgec.wasm.Code;
import dev.edgec.wasm.ValType;
import java.util.List;

/**
 * ArgMax and ArgMin on float32: the int64 index of the first (or with {@code select_last_index}, from
 * opset 12, the last) extreme element along {@code axis} (default 0); {@code keepdims} defaults to 1.
 */
abstract class ArgExtremeOp implements Operator {
    private record Rows(int outer, int n, int inner, Shape out) {
    }

    /** True for ArgMax, false for ArgMin. */
    protected abstract boolean max();

    private static Rows rows(OpContext ctx) {
        Shape s = ctx.inputType(0).shape();
        long axisAttr = ctx.attrs().getInt("axis", 0);
        boolean keepDims = ctx.attrs().getInt("keepdims", 1) != 0;
        int rank = s.rank();
        if (rank == 0) {
            throw ctx.error("input must have rank 1 or more, got a scalar");
        }
        if (axisAttr < -rank || axisAttr >= rank) {
            throw ctx.error("axis " + axisAttr + " is out of range for input of shape " + s);
        }
        int axis = (int) (axisAttr < 0 ? axisAttr + rank : axisAttr);
        if (s.dim(axis) == 0) {
            throw ctx.error("axis " + axisAttr + " of shape " + s + " is empty: it has no extreme element");
        }
        int outer = 1;
        for (int d = 0; d < axis; d++) {
            outer *= s.dim(d);
        }
        int inner = 1;
        for (int d = axis + 1; d < rank; d++) {
            inner *= s.dim(d);
        }
        int[] dims = s.dims();
        int[] out;
        if (keepDims) {
            out = dims;
            out[axis] = 1;
        } else {
            out = new int[rank - 1];
            for (int d = 0, j = 0; d < rank; d++) {
                if (d != axis) {
                    out[j++] = dims[d];
                }
            }
        }
        return new Rows(outer, s.dim(axis), inner, Shape.of(out));
    }

    private static boolean lastIndex(OpContext ctx) {
        boolean last = ctx.attrs().getInt("select_last_index", 0) != 0;
        if (last && ctx.opset() < 12) {
            throw ctx.error("select_last_index exists from opset 12, the model imports opset " + ctx.opset());
        }
        return last;
    }

    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        ctx.expectInputs(1, 1);
        ctx.expectType(0, List.of(DataType.FLOAT32));
        lastIndex(ctx);
        return List.of(new TensorType(DataType.INT64, rows(ctx).out()));
    }

    @Override
    public void lower(OpContext ctx, KernelWriter k) {
        Rows r = rows(ctx);
        boolean last = lastIndex(ctx);
        if (r.outer() == 0 || r.inner() == 0) {
            return;
        }
        int x = k.address(ctx.inputName(0));
        int y = k.address(ctx.outputName(0));
        int step = r.inner() * 4;
        Code c = k.code();
        int rowBase = k.newI32();
        int p = k.newI32();
        int j = k.newI32();
        int bestIndex = k.newI32();
        int outPtr = k.newI32();
        int best = k.newLocal(ValType.F32);
        c.i32Const(0).localSet(rowBase).i32Const(0).localSet(outPtr);
        k.forRange(r.outer(), o -> {
            k.forRange(r.inner(), i -> {
                c.localGet(rowBase).localGet(i).i32Const(2).i32Shl().i32Add().localTee(p).f32Load(x).localSet(best);
                c.i32Const(0).localSet(bestIndex).i32Const(0).localSet(j);
                k.forRange(r.n() - 1, unused -> {
                    c.localGet(p).i32Const(step).i32Add().localSet(p);
                    c.localGet(j).i32Const(1).i32Add().localSet(j);
                    c.localGet(p).f32Load(x).localGet(best);
                    if (max()) {
                        if (last) {
                            c.f32Ge();
                        } else {
                            c.f32Gt();
                        }
                    } else if (last) {
                        c.f32Le();
                    } else {
                        c.f32Lt();
                    }
                    c.if_().localGet(p).f32Load(x).localSet(best).localGet(j).localSet(bestIndex).end();
                });
                c.localGet(outPtr).localGet(bestIndex).i64ExtendI32U().i64Store(y);
                c.localGet(outPtr).i32Const(8).i32Add().localSet(outPtr);
            });
            c.localGet(rowBase).i32Const(r.n() * step).i32Add().localSet(rowBase);
        });
    }
}
