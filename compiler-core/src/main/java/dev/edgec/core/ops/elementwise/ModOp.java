package dev.edgec.core.ops.elementwise;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.ir.DataType;
import dev.edgec.wasm.Code;
import dev.edgec.wasm.ValType;
import java.util.List;

/**
 * Mod (opset 10+) with broadcasting. {@code fmod = 0} (integers only) takes the sign of the divisor,
 * as Python's %; {@code fmod = 1} takes the dividend's, as C's fmod. x mod 0 is 0 for integers (C++
 * leaves it undefined, wasm would trap) and NaN for floats.
 * <p>
 * Floats: r = a − trunc(a/b)·b in float64, then, when the rounded quotient overshot (r's sign differs
 * from a's), r + copysign(b, a). For float32 and float16 operands q·b is exact while |a/b| &lt; 2^29, so
 * the result is exact there; float64 and larger quotients lose up to an ulp of a. x mod ±∞ = x.
 */
final class ModOp extends BinaryElementwiseOp {
    private static final List<DataType> TYPES = NumericTypes.NUMERIC_AND_FLOAT16;

    @Override
    protected List<DataType> types() {
        return TYPES;
    }

    @Override
    protected void readAttributes(OpContext ctx) {
        long fmod = ctx.attrs().getInt("fmod", 0);
        if (fmod != 0 && fmod != 1) {
            throw ctx.error("fmod must be 0 or 1, got " + fmod);
        }
        if (fmod == 0 && ctx.inputType(0).dataType().isFloating()) {
            throw ctx.error("fmod must be 1 for floating-point inputs");
        }
    }

    @Override
    protected void emitScalar(OpContext ctx, KernelWriter k, DataType t) {
        boolean fmod = ctx.attrs().getInt("fmod", 0) == 1;
        ValType st = KernelWriter.stackType(t);
        switch (st) {
            case F32 -> {
                Code c = k.code();
                int b = k.newLocal(ValType.F32);
                int a = k.newLocal(ValType.F32);
                c.localSet(b).localSet(a);
                c.localGet(a).f64PromoteF32().localGet(b).f64PromoteF32();
                floatFmod(k);
                c.f32DemoteF64();
            }
            case F64 -> floatFmod(k);
            case I32, I64 -> integerMod(k, t, st, fmod);
        }
    }

    /** Consumes float64 a, b; pushes fmod(a, b). */
    private static void floatFmod(KernelWriter k) {
        Code c = k.code();
        int a = k.newLocal(ValType.F64);
        int b = k.newLocal(ValType.F64);
        int r = k.newLocal(ValType.F64);
        c.localSet(b).localSet(a);
        c.localGet(a).localGet(a).localGet(b).f64Div().f64Trunc().localGet(b).f64Mul().f64Sub().localSet(r);
        // overshoot: r ≠ 0 with the sign opposite to a's
        c.localGet(r).localGet(b).localGet(a).f64Copysign().f64Add().localGet(r);
        c.localGet(r).localGet(a).f64Mul().f64Const(0).f64Lt().select().localSet(r);
        // x mod ±∞ = x for finite x
        c.localGet(a).localGet(r);
        c.localGet(b).f64Abs().f64Const(Double.POSITIVE_INFINITY).f64Eq().localGet(a).f64Abs()
                .f64Const(Double.POSITIVE_INFINITY).f64Lt().i32And();
        c.select();
    }

    /** Consumes a, b of stack type st; pushes the integer remainder. */
    private static void integerMod(KernelWriter k, DataType t, ValType st, boolean fmod) {
        Code c = k.code();
        boolean signed = t.isSigned();
        boolean i64 = st == ValType.I64;
        int a = k.newLocal(st);
        int b = k.newLocal(st);
        int r = k.newLocal(st);
        c.localSet(b).localSet(a);
        c.localGet(a);
        // divisor: b, or 1 when b is 0
        if (i64) {
            c.localGet(b).i64Const(1).localGet(b).i64Eqz().i32Eqz().select();
            c = signed ? c.i64RemS() : c.i64RemU();
            c.i64Const(0).localGet(b).i64Eqz().i32Eqz().select().localSet(r);
        } else {
            c.localGet(b).i32Const(1).localGet(b).select();
            c = signed ? c.i32RemS() : c.i32RemU();
            c.i32Const(0).localGet(b).select().localSet(r);
        }
        c.localGet(r);
        if (signed && !fmod) {
            // Python: a non-zero remainder whose sign differs from the divisor's moves by one divisor
            if (i64) {
                c.localGet(b).i64Add().localGet(r);
                c.localGet(r).i64Eqz().i32Eqz().localGet(r).localGet(b).i64Xor().i64Const(0).i64LtS().i32And();
            } else {
                c.localGet(b).i32Add().localGet(r);
                c.localGet(r).i32Const(0).i32Ne().localGet(r).localGet(b).i32Xor().i32Const(0).i32LtS().i32And();
            }
            c.select();
        }
    }
}
