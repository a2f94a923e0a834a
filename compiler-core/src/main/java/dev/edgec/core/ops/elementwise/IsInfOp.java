package dev.edgec.core.ops.elementwise;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.ir.DataType;
import dev.edgec.wasm.Code;
import dev.edgec.wasm.ValType;

/** IsInf (opset 10+): bool x = +∞ (when detect_positive) or x = −∞ (when detect_negative); both default on. */
final class IsInfOp extends FloatClassOp {
    @Override
    protected void readAttributes(OpContext ctx) {
        ctx.attrs().getInt("detect_positive", 1);
        ctx.attrs().getInt("detect_negative", 1);
    }

    @Override
    protected void emitScalar(OpContext ctx, KernelWriter k, DataType t) {
        boolean positive = ctx.attrs().getInt("detect_positive", 1) != 0;
        boolean negative = ctx.attrs().getInt("detect_negative", 1) != 0;
        Code c = k.code();
        ValType st = KernelWriter.stackType(t);
        int x = k.newLocal(st);
        c.localSet(x);
        c.i32Const(0);
        if (positive) {
            equals(c, st, x, Double.POSITIVE_INFINITY);
            c.i32Or();
        }
        if (negative) {
            equals(c, st, x, Double.NEGATIVE_INFINITY);
            c.i32Or();
        }
    }

    private static void equals(Code c, ValType st, int x, double v) {
        if (st == ValType.F64) {
            c.localGet(x).f64Const(v).f64Eq();
        } else {
            c.localGet(x).f32Const((float) v).f32Eq();
        }
    }
}
