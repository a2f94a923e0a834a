package dev.edgec.core.ops.elementwise;

import dev.edgec.core.lower.Float16;
import dev.edgec.core.lower.FloatArith;
import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.core.ops.Operator;
import dev.edgec.core.ops.SoftmaxRows;
import dev.edgec.ir.DataType;
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

    private static SoftmaxRows rows(OpContext ctx) {
        return SoftmaxRows.of(ctx, false);
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
        SoftmaxRows r = rows(ctx);
        if (r.outer() == 0 || r.n() == 0 || r.inner() == 0) {
            return;
        }
        DataType t = ctx.inputType(0).dataType();
        FloatArith f = FloatArith.of(k.code(), Float16.computeType(t));
        ValType st = f.valType();
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
                f.gt();
                c.if_().localGet(v).localSet(max).localGet(e).localSet(best).end();
            });
            k.forRange(r.n(), j -> {
                c.localGet(j).i32Const(r.inner()).i32Mul().localGet(first).i32Add().localSet(e);
                k.pushByteOffset(e, t);
                f.constant(1).constant(0);
                c.localGet(e).localGet(best).i32Eq().select();
                Float16.store(k, t, y);
            });
        }));
    }
}
