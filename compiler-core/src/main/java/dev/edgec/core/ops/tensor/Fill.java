package dev.edgec.core.ops.tensor;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Tensor;
import dev.edgec.wasm.Code;
import dev.edgec.wasm.ValType;

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

    /** Pushes element 0 of {@code value} (of type {@code t}), exactly even for 64-bit integers. */
    static void pushConstant(KernelWriter k, DataType t, Tensor value) {
        if (t.isFloating()) {
            pushConstant(k, t, value.getDouble(0));
        } else if (KernelWriter.stackType(t) == ValType.I64) {
            k.code().i64Const(value.getLong(0));
        } else {
            k.code().i32Const((int) value.getLong(0));
        }
    }

    /** Pushes {@code value} converted to {@code t} (integers truncate toward zero, bool is value != 0). */
    static void pushConstant(KernelWriter k, DataType t, double value) {
        Code c = k.code();
        switch (t) {
            case FLOAT32 -> c.f32Const((float) value);
            case FLOAT64 -> c.f64Const(value);
            // 16-bit floats are stored from an i32 holding their bits
            case FLOAT16 -> c.i32Const(dev.edgec.ir.Half.fromFloat((float) value) & 0xFFFF);
            case BFLOAT16 -> c.i32Const(dev.edgec.ir.BFloat16.fromFloat((float) value) & 0xFFFF);
            case INT64, UINT64 -> c.i64Const((long) value);
            case BOOL -> c.i32Const(value != 0 ? 1 : 0);
            case UINT32 -> c.i32Const((int) (long) value);
            default -> c.i32Const((int) (long) value);
        }
    }
}
