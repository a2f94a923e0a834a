package dev.edgec.core.lower.math;

import dev.edgec.core.lower.MathFunction;
import dev.edgec.core.lower.MathLibrary;
import dev.edgec.wasm.Code;
import dev.edgec.wasm.FunctionBuilder;
import dev.edgec.wasm.ValType;

/**
 * x^y for float32, as C's powf on the cases models meet: w = y·log|x| in float64
 * ({@link MathFunction#LOG_F64}), split into a float32 head and a float64 tail so that
 * e^w = EXP_F32(head)·(1 + tail) loses nothing to rounding the exponent. Error: EXP_F32's ≤ 2 ulp
 * plus one rounding, ≤ 3 ulp (PowF32Test). Negative x: NaN unless y is a whole number, and the
 * result is negated for odd y. x^0 = 1 and 1^y = 1 even for NaN, (−1)^±∞ = 1, 0^negative = ∞,
 * (−0)^odd negative = −∞; otherwise NaN in gives NaN.
 */
public final class PowF32 {
    private PowF32() {
    }

    public static void emit(FunctionBuilder f, MathLibrary library) {
        int x = 0;
        int y = 1;
        int w = f.addLocal(ValType.F64);
        int head = f.addLocal(ValType.F32);
        int tail = f.addLocal(ValType.F64);
        int r = f.addLocal(ValType.F32);
        Code c = f.code();
        c.localGet(y).f32Const(0f).f32Eq().localGet(x).f32Const(1f).f32Eq().i32Or().if_().f32Const(1f).return_().end();
        c.localGet(x).f32Abs().f32Const(1f).f32Eq().localGet(y).f32Abs().f32Const(Float.POSITIVE_INFINITY).f32Eq()
                .i32And().if_().f32Const(1f).return_().end();
        // a negative base needs a whole exponent
        c.localGet(x).f32Const(0f).f32Lt().localGet(y).f32Nearest().localGet(y).f32Ne().i32And().if_()
                .f32Const(Float.NaN).return_().end();
        c.localGet(x).f32Abs().f64PromoteF32().call(library.functionIndex(MathFunction.LOG_F64))
                .localGet(y).f64PromoteF32().f64Mul().localTee(w).f32DemoteF64().localSet(head);
        c.localGet(w).localGet(head).f64PromoteF32().f64Sub().localTee(tail);
        c.f64Const(0).localGet(tail).f64Abs().f64Const(1).f64Lt().select().localSet(tail);
        c.localGet(head).call(library.functionIndex(MathFunction.EXP_F32)).f64PromoteF32()
                .localGet(tail).f64Const(1).f64Add().f64Mul().f32DemoteF64().localSet(r);
        // odd whole y (y/2 not whole) keeps the base's sign, -0 included
        c.localGet(r).f32Neg().localGet(r);
        c.localGet(x).i32ReinterpretF32().i32Const(0).i32LtS();
        c.localGet(y).f32Const(0.5f).f32Mul().localTee(head).f32Nearest().localGet(head).f32Ne().i32And();
        c.localGet(y).f32Nearest().localGet(y).f32Eq().i32And();
        c.select();
    }
}
