package dev.edgec.core.ops.nn;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.core.ops.Operator;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.TensorType;
import dev.edgec.wasm.Code;
import dev.edgec.wasm.ValType;
import java.util.List;

/**
 * ONNX TopK (opsets 1–21): the k largest (or smallest, ≥11) elements along {@code axis} and their
 * int64 indices, sorted, equal values in index order as ONNX Runtime gives them. k is an attribute
 * (opset 1) or a constant input (≥10). Each row is scanned k times: pass j picks the best element that
 * ranks after the one pass j−1 picked, in the order (value, then index), so no scratch memory is needed.
 * With sorted=0 the output is still sorted (ONNX leaves the order unspecified).
 */
public final class TopKOp implements Operator {
    /** The types ONNX Runtime's TopK takes, so each is tested against it. */
    private static final List<DataType> TYPES = List.of(DataType.FLOAT32, DataType.FLOAT64, DataType.INT32,
            DataType.INT64);

    private record Plan(int outer, int n, int inner, int k, boolean largest) {
    }

    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        Plan p = plan(ctx);
        if (ctx.outputCount() != 2) {
            throw ctx.error("has 2 outputs (Values, Indices), got " + ctx.outputCount());
        }
        int[] dims = ctx.inputType(0).shape().dims();
        dims[axis(ctx)] = p.k();
        Shape out = Shape.of(dims);
        return List.of(new TensorType(ctx.inputType(0).dataType(), out), new TensorType(DataType.INT64, out));
    }

    private static int axis(OpContext ctx) {
        return AxisAttribute.read(ctx, "axis", -1);
    }

    private static Plan plan(OpContext ctx) {
        long k;
        if (ctx.opset() < 10) {
            ctx.expectInputs(1, 1);
            k = ctx.attrs().requireInt("k");
        } else {
            ctx.expectInputs(2, 2);
            ctx.expectType(1, List.of(DataType.INT64));
            Tensor kt = ctx.requireConstantInput(1, "K");
            if (kt.elementCount() != 1) {
                throw ctx.error("input K must hold one value, got shape " + kt.shape());
            }
            k = kt.getLong(0);
        }
        ctx.expectType(0, TYPES);
        boolean largest = true;
        if (ctx.opset() >= 11) {
            largest = ctx.attrs().getInt("largest", 1) != 0;
            ctx.attrs().getInt("sorted", 1);
        }
        Shape x = ctx.inputType(0).shape();
        if (x.rank() == 0) {
            throw ctx.error("input must have rank 1 or more");
        }
        int axis = axis(ctx);
        int n = x.dim(axis);
        if (k < 0 || k > n) {
            throw ctx.error("k = " + k + " must be in [0, " + n + "], the size of axis " + axis + " of " + x);
        }
        int outer = 1;
        int inner = 1;
        for (int a = 0; a < axis; a++) {
            outer *= x.dim(a);
        }
        for (int a = axis + 1; a < x.rank(); a++) {
            inner *= x.dim(a);
        }
        return new Plan(outer, n, inner, (int) k, largest);
    }

    @Override
    public void lower(OpContext ctx, KernelWriter k) {
        Plan p = plan(ctx);
        DataType t = ctx.inputType(0).dataType();
        int es = t.byteSize();
        int x = k.address(ctx.inputName(0));
        int values = k.address(ctx.outputName(0));
        int indices = k.address(ctx.outputName(1));
        ValType vt = KernelWriter.stackType(t);
        Code c = k.code();
        int row = k.newI32();
        int v = k.newLocal(vt);
        int best = k.newLocal(vt);
        int previous = k.newLocal(vt);
        int bestIndex = k.newI32();
        int previousIndex = k.newI32();
        int found = k.newI32();
        int out = k.newI32();
        k.forRange(p.outer(), o -> k.forRange(p.inner(), i -> {
            c.localGet(o).i32Const(p.n() * p.inner()).i32Mul().localGet(i).i32Add().i32Const(es).i32Mul().localSet(row);
            c.localGet(o).i32Const(p.k() * p.inner()).i32Mul().localGet(i).i32Add().localSet(out);
            k.forRange(p.k(), j -> {
                c.i32Const(0).localSet(found);
                k.forRange(p.n(), r -> {
                    c.localGet(r).i32Const(p.inner() * es).i32Mul().localGet(row).i32Add();
                    k.load(t, x);
                    c.localSet(v);
                    // Ranks after the previous pick: worse value, or equal value at a later index.
                    c.localGet(j).i32Eqz();
                    c.localGet(v).localGet(previous);
                    compare(c, t, !p.largest());
                    c.localGet(v).localGet(previous);
                    equal(c, t);
                    c.localGet(r).localGet(previousIndex).i32GtS().i32And().i32Or().i32Or();
                    // Beats the best so far (the first of equal values wins, as r ascends).
                    c.localGet(found).i32Eqz();
                    c.localGet(v).localGet(best);
                    compare(c, t, p.largest());
                    c.i32Or().i32And();
                    c.if_().localGet(v).localSet(best).localGet(r).localSet(bestIndex).i32Const(1).localSet(found).end();
                });
                c.localGet(out).i32Const(es).i32Mul().localGet(best);
                k.store(t, values);
                c.localGet(out).i32Const(3).i32Shl().localGet(bestIndex).i64ExtendI32U().i64Store(indices);
                c.localGet(best).localSet(previous).localGet(bestIndex).localSet(previousIndex);
                // Values and Indices are laid out (outer, k, inner): step by inner between picks.
                c.localGet(out).i32Const(p.inner()).i32Add().localSet(out);
            });
        }));
    }

    /** a > b when {@code greater}, else a < b, for the stack type of {@code t}. */
    private static void compare(Code c, DataType t, boolean greater) {
        boolean signed = t.isSigned() || t.isFloating();
        switch (KernelWriter.stackType(t)) {
            case F32 -> c = greater ? c.f32Gt() : c.f32Lt();
            case F64 -> c = greater ? c.f64Gt() : c.f64Lt();
            case I64 -> c = greater ? (signed ? c.i64GtS() : c.i64GtU()) : (signed ? c.i64LtS() : c.i64LtU());
            default -> c = greater ? (signed ? c.i32GtS() : c.i32GtU()) : (signed ? c.i32LtS() : c.i32LtU());
        }
    }

    private static void equal(Code c, DataType t) {
        switch (KernelWriter.stackType(t)) {
            case F32 -> c.f32Eq();
            case F64 -> c.f64Eq();
            case I64 -> c.i64Eq();
            default -> c.i32Eq();
        }
    }

    @Override
    public long macs(OpContext ctx) {
        Plan p = plan(ctx);
        return (long) p.outer() * p.inner() * p.n() * p.k();
    }
}
