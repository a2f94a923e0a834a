package dev.edgec.core.ops.reduce;

import dev.edgec.core.lower.MathFunction;
import dev.edgec.ir.DataType;
import dev.edgec.wasm.Code;
import dev.edgec.wasm.ValType;

/**
 * Emits floating-point arithmetic in the precision of the tensor being reduced, float32 or float64,
 * so that one reduction body serves both and a float64 reduction computes in float64.
 */
record FloatArith(Code c, boolean f64) {
    static FloatArith of(Code c, DataType t) {
        return new FloatArith(c, t == DataType.FLOAT64);
    }

    ValType valType() {
        return f64 ? ValType.F64 : ValType.F32;
    }

    int bytes() {
        return f64 ? 8 : 4;
    }

    FloatArith constant(double v) {
        return wrap(f64 ? c.f64Const(v) : c.f32Const((float) v));
    }

    FloatArith add() {
        return wrap(f64 ? c.f64Add() : c.f32Add());
    }

    FloatArith sub() {
        return wrap(f64 ? c.f64Sub() : c.f32Sub());
    }

    FloatArith mul() {
        return wrap(f64 ? c.f64Mul() : c.f32Mul());
    }

    FloatArith div() {
        return wrap(f64 ? c.f64Div() : c.f32Div());
    }

    FloatArith max() {
        return wrap(f64 ? c.f64Max() : c.f32Max());
    }

    FloatArith min() {
        return wrap(f64 ? c.f64Min() : c.f32Min());
    }

    FloatArith abs() {
        return wrap(f64 ? c.f64Abs() : c.f32Abs());
    }

    FloatArith sqrt() {
        return wrap(f64 ? c.f64Sqrt() : c.f32Sqrt());
    }

    FloatArith eq() {
        return wrap(f64 ? c.f64Eq() : c.f32Eq());
    }

    /** Loads an element from the address on the stack plus {@code offset}. */
    FloatArith load(int offset) {
        return wrap(f64 ? c.f64Load(offset) : c.f32Load(offset));
    }

    /** Stores the value on the stack at the address below it plus {@code offset}. */
    FloatArith store(int offset) {
        return wrap(f64 ? c.f64Store(offset) : c.f32Store(offset));
    }

    MathFunction exp() {
        return f64 ? MathFunction.EXP_F64 : MathFunction.EXP_F32;
    }

    MathFunction log() {
        return f64 ? MathFunction.LOG_F64 : MathFunction.LOG_F32;
    }

    /** Every emitter writes its instruction to {@link #c} and returns this, so that calls chain. */
    private FloatArith wrap(Code written) {
        return this;
    }
}
