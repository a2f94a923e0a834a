package dev.edgec.core.ops.tensor;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.ir.DataType;
import dev.edgec.wasm.Code;

/** Emits the filling of a tensor with one value. */
final class Fill {
    private Fill() {
    }

    /** Stores the value pushed by {@code pushValue} into each of {@code count} elements at {@code base}. */
    static void emit(KernelWriter k, int base, DataType t, int count, Runnable pushValue) {
        k.forRange(count, i -> {
            k.pushByteOffset(i, t);
            pushValue.run();
            k.store(t, base);
        });
    }

    /** Pushes {@code value} converted to {@code t} (integers truncate toward zero, bool is value != 0). */
    static void pushConstant(KernelWriter k, DataType t, double value) {
        Code c = k.code();
        switch (t) {
            case FLOAT32 -> c.f32Const((float) value);
            case FLOAT64 -> c.f64Const(value);
            case INT64, UINT64 -> c.i64Const((long) value);
            case BOOL -> c.i32Const(value != 0 ? 1 : 0);
            case UINT32 -> c.i32Const((int) (long) value);
            default -> c.i32Const((int) (long) value);
        }
    }
}
