package dev.edgec.core.ops.elementwise;

import dev.edgec.core.lower.Float16;
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
 * Hardmax: 1 at the first maximum of each row, 0 elsewhere. Rows as Softmax's: before opset 13 the
 * input is coerced to 2-D at {@code axis} (default 1); from 13 a row runs along dimension {@code axis}
 * (default −1) only. float32 only: ONNX Runtime implements no other type to check against.
 */
final class HardmaxOp implements Operator {
    /** Rows as (outer count, row length n, inner count = element stride of a row). */
    private record Rows(int outer, int n, int inner) {
    }

    private static Rows rows(OpContext ctx) {
        Shape s = ctx.inputType(0).shape();
        boolean legacy = ctx.opset() < 13;
        long axisAttr = ctx.attrs().getInt("axis", legacy ? 1 : -1);
        int rank = s.rank();
        if (rank == 0) {
            throw ctx.error("input must have rank 1 or more");
        }
        if (axisAttr < -rank || axisAttr >= rank) {
            throw ctx.error("axis " + axisAttr + " is out of range for input of shape " + s);
        }
        int axis = (int) (axisAttr < 0 ? axisAttr + rank : axisAttr);
        int outer = 1;
        for (int d = 0; d < axis; d++) {
            outer *= s.dim(d);
        }
        int rest = 1;
        for (int d = axis + 1; d < rank; d++) {
            rest *= s.dim(d);
        }
        return legacy ? new Rows(outer, s.dim(axis) * rest, 1) : new Rows(outer, s.dim(axis), rest);
    }

    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        ctx.expectInputs(1, 1);
        ctx.expectType(0, List.of(DataType.FLOAT32));
        rows(ctx);
        return List.of(ctx.inputType(0));
    }

    @Override
    public void lower(OpContext ctx, KernelWriter k) {
        Rows r = rows(ctx);
        if (r.outer() == 0 || r.n() == 0 || r.inner() == 0) {
            return;
        }
        DataType t = ctx.inputType(0).dataType();
        boolean f64 = t == DataType.FLOAT64;
        ValType st = f64 ? ValType.F64 : ValType.F32;
        int x = k.address(ctx.inputName(0));
        int y = k.address(ctx.outputName(0));
        Code c = k.code();
        int first = k.newI32(); // element index of the row's first element
        int e = k.newI32();
        int best = k.newI32();
        int v = k.newLocal(st);
        int max = k.newLocal(st);
        k.forRange(r.outer(), o -> k.forRange(r.inner(), i -> {
            c.localGet(o).i32Const(r.n() * r.inner()).i32Mul().localGet(i).i32Add().localTee(first).localSet(best);
            k.pushByteOffset(first, t);
            Float16.load(k, t, x);
            c.localSet(max);
            k.forRange(r.n(), j -> {
                c.localGet(j).i32Const(r.inner()).i32Mul().localGet(first).i32Add().localSet(e);
                k.pushByteOffset(e, t);
                Float16.load(k, t, x);
                c.localTee(v).localGet(max);
                if (f64) {
                    c.f64Gt();
                } else {
                    c.f32Gt();
                }
                c.if_().localGet(v).localSet(max).localGet(e).localSet(best).end();
            });
            k.forRange(r.n(), j -> {
                c.localGet(j).i32Const(r.inner()).i32Mul().localGet(first).i32Add().localSet(e);
                k.pushByteOffset(e, t);
                if (f64) {
                    c.f64Const(1).f64Const(0);
                } else {
                    c.f32Const(1f).f32Const(0f);
                }
                c.localGet(e).localGet(best).i32Eq().select();
                Float16.store(k, t, y);
            });
        }));
    }
}
