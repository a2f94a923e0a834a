package dev.edgec.core.lower;

import dev.edgec.ir.DataType;
import dev.edgec.wasm.Code;
import dev.edgec.wasm.ValType;

/**
 * Emits floating-point arithmetic in the precision of the tensor a kernel works on, float32 or
 * float64, so that one kernel body serves both and a float64 tensor is computed in float64.
 */
public record FloatArith(Code c, boolean f64) {
    public static FloatArith of(Code c, DataType t) {
        return new FloatArith(c, t == DataType.FLOAT64);
    }

    public ValType valType() {
        return f64 ? ValType.F64 : ValType.F32;
    }

    public int bytes() {
        return f64 ? 8 : 4;
    }

    public FloatArith constant(double v) {
        return wrap(f64 ? c.f64Const(v) : c.f32Const((float) v));
    }

    public FloatArith add() {
        return wrap(f64 ? c.f64Add() : c.f32Add());
    }

    public FloatArith sub() {
        return wrap(f64 ? c.f64Sub() : c.f32Sub());
    }

    public FloatArith mul() {
        return wrap(f64 ? c.f64Mul() : c.f32Mul());
    }

    public FloatArith div() {
        return wrap(f64 ? c.f64Div() : c.f32Div());
    }

    public FloatArith max() {
        return wrap(f64 ? c.f64Max() : c.f32Max());
    }

    public FloatArith min() {
        return wrap(f64 ? c.f64Min() : c.f32Min());
    }

    public FloatArith abs() {
        return wrap(f64 ? c.f64Abs() : c.f32Abs());
    }

    public FloatArith sqrt() {
        return wrap(f64 ? c.f64Sqrt() : c.f32Sqrt());
    }

    public FloatArith neg() {
        return wrap(f64 ? c.f64Neg() : c.f32Neg());
    }

    /** a &gt; b, false when either is NaN. */
    public FloatArith gt() {
        return wrap(f64 ? c.f64Gt() : c.f32Gt());
    }

    public FloatArith eq() {
        return wrap(f64 ? c.f64Eq() : c.f32Eq());
    }

    /** Loads an element from the address on the stack plus {@code offset}. */
    public FloatArith load(int offset) {
        return wrap(f64 ? c.f64Load(offset) : c.f32Load(offset));
    }

    /** Stores the value on the stack at the address below it plus {@code offset}. */
    public FloatArith store(int offset) {
        return wrap(f64 ? c.f64Store(offset) : c.f32Store(offset));
    }

    public MathFunction exp() {
        return f64 ? MathFunction.EXP_F64 : MathFunction.EXP_F32;
    }

    public MathFunction log() {
        return f64 ? MathFunction.LOG_F64 : MathFunction.LOG_F32;
    }

    /** Every emitter writes its instruction to {@link #c} and returns this, so that calls chain. */
    private FloatArith wrap(Code written) {
        return this;
    }
}
