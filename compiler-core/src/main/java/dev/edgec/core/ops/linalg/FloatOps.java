package dev.edgec.core.ops.linalg;

import dev.edgec.ir.DataType;
import dev.edgec.wasm.Code;

/** The float32 or float64 form of the few arithmetic instructions a kernel generic over both needs. */
final class FloatOps {
    private FloatOps() {
    }

    static void constant(Code c, DataType t, double v) {
        if (t == DataType.FLOAT64) {
            c.f64Const(v);
        } else {
            c.f32Const((float) v);
        }
    }

    static void mul(Code c, DataType t) {
        if (t == DataType.FLOAT64) {
            c.f64Mul();
        } else {
            c.f32Mul();
        }
    }

    static void sub(Code c, DataType t) {
        if (t == DataType.FLOAT64) {
            c.f64Sub();
        } else {
            c.f32Sub();
        }
    }

    static void div(Code c, DataType t) {
        if (t == DataType.FLOAT64) {
            c.f64Div();
        } else {
            c.f32Div();
        }
    }

    static void abs(Code c, DataType t) {
        if (t == DataType.FLOAT64) {
            c.f64Abs();
        } else {
            c.f32Abs();
        }
    }

    static void neg(Code c, DataType t) {
        if (t == DataType.FLOAT64) {
            c.f64Neg();
        } else {
            c.f32Neg();
        }
    }

    /** Pushes a &gt; b (false when either is NaN). */
    static void greater(Code c, DataType t) {
        if (t == DataType.FLOAT64) {
            c.f64Gt();
        } else {
            c.f32Gt();
        }
    }

    static void equal(Code c, DataType t) {
        if (t == DataType.FLOAT64) {
            c.f64Eq();
        } else {
            c.f32Eq();
        }
    }
}
