package dev.edgec.core.ops.indexing;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Tensor;
import dev.edgec.wasm.Code;
import dev.edgec.wasm.ValType;

/**
 * Moves elements as raw bits of their width (1, 2, 4 or 8 bytes), so one code path serves every
 * element type and float bits (NaN payloads, -0) are kept exactly.
 */
final class RawElements {
    private RawElements() {
    }

    static ValType stackType(int bytes) {
        return bytes == 8 ? ValType.I64 : ValType.I32;
    }

    static void load(Code c, int bytes, int offset) {
        switch (bytes) {
            case 1 -> c.i32Load8U(offset);
            case 2 -> c.i32Load16U(offset);
            case 4 -> c.i32Load(offset);
            default -> c.i64Load(offset);
        }
    }

    static void store(Code c, int bytes, int offset) {
        switch (bytes) {
            case 1 -> c.i32Store8(offset);
            case 2 -> c.i32Store16(offset);
            case 4 -> c.i32Store(offset);
            default -> c.i64Store(offset);
        }
    }

    /** Copies one element from the address in local {@code src} to the address in local {@code dst}. */
    static void copy(Code c, int src, int dst, int bytes) {
        c.localGet(dst).localGet(src);
        load(c, bytes, 0);
        store(c, bytes, 0);
    }

    /** Copies {@code count} elements from the address in local {@code src} to the one in local {@code dst}. */
    static void copyRun(KernelWriter k, int src, int dst, int count, int bytes) {
        Code c = k.code();
        if (count == 1) {
            copy(c, src, dst, bytes);
            return;
        }
        k.forRange(count, i -> {
            c.localGet(dst).localGet(i).i32Const(bytes).i32Mul().i32Add();
            c.localGet(src).localGet(i).i32Const(bytes).i32Mul().i32Add();
            load(c, bytes, 0);
            store(c, bytes, 0);
        });
    }

    /** Pushes the bits of element {@code i} of {@code t} as an i32 (or i64 for 8-byte elements). */
    static void pushBits(Code c, Tensor t, int i) {
        int bytes = t.dataType().byteSize();
        java.nio.ByteBuffer b = t.data();
        int at = i * bytes;
        switch (bytes) {
            case 1 -> c.i32Const(b.get(at) & 0xFF);
            case 2 -> c.i32Const(b.getShort(at) & 0xFFFF);
            case 4 -> c.i32Const(b.getInt(at));
            default -> c.i64Const(b.getLong(at));
        }
    }

    /** Stores the bits of element 0 of {@code value} into {@code count} elements from {@code base}. */
    static void fill(KernelWriter k, int base, int count, Tensor value) {
        int bytes = value.dataType().byteSize();
        Code c = k.code();
        k.forRange(count, i -> {
            c.localGet(i).i32Const(bytes).i32Mul();
            pushBits(c, value, 0);
            store(c, bytes, base);
        });
    }

    /** The tensor of type {@code t} holding zero (false) as one element, or one (true). */
    static Tensor scalar(DataType t, double value) {
        return Tensor.ofDoubles(t, dev.edgec.ir.Shape.scalar(), value);
    }
}
