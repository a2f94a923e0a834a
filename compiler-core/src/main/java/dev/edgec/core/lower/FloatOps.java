package dev.edgec.core.lower;

import dev.edgec.ir.DataType;
import dev.edgec.wasm.Code;

/** The float32 or float64 form of the few arithmetic instructions a kernel generic over both needs. */
public final class FloatOps {
    private FloatOps() {
    }

    public static void constant(Code c, DataType t, double v) {
        if (t == DataType.FLOAT64) {
            c.f64Const(v);
        } else {
            c.f32Const((float) v);
        }
    }

    public static void add(Code c, DataType t) {
        if (t == DataType.FLOAT64) {
            c.f64Add();
        } else {
            c.f32Add();
        }
    }

    public static void mul(Code c, DataType t) {
        if (t == DataType.FLOAT64) {
            c.f64Mul();
        } else {
            c.f32Mul();
        }
    }

    public static void sub(Code c, DataType t) {
        if (t == DataType.FLOAT64) {
            c.f64Sub();
        } else {
            c.f32Sub();
        }
    }

    public static void div(Code c, DataType t) {
        if (t == DataType.FLOAT64) {
            c.f64Div();
        } else {
            c.f32Div();
        }
    }

    public static void abs(Code c, DataType t) {
        if (t == DataType.FLOAT64) {
            c.f64Abs();
        } else {
            c.f32Abs();
        }
    }

    public static void neg(Code c, DataType t) {
        if (t == DataType.FLOAT64) {
            c.f64Neg();
        } else {
            c.f32Neg();
        }
    }

    /** Pushes a &gt; b (false when either is NaN). */
    public static void greater(Code c, DataType t) {
        if (t == DataType.FLOAT64) {
            c.f64Gt();
        } else {
            c.f32Gt();
        }
    }

    public static void equal(Code c, DataType t) {
        if (t == DataType.FLOAT64) {
            c.f64Eq();
        } else {
            c.f32Eq();
        }
    }
}
