package dev.edgec.core.ops.elementwise;

import dev.edgec.core.lower.Float16;
import dev.edgec.core.lower.KernelWriter;
import dev.edgec.ir.DataType;
import dev.edgec.wasm.BlockType;
import dev.edgec.wasm.Code;
import dev.edgec.wasm.ValType;

/**
 * Converts one element between ONNX types as Cast does: the value on the stack is in the form
 * {@link Float16#load} leaves it, the result in the form {@link Float16#store} takes.
 * <p>
 * Float to integer truncates toward zero. wasm's truncation traps on NaN and out-of-range values,
 * so the conversion is guarded and then does what ONNX Runtime's C++ {@code static_cast} does on
 * x86-64 (measured in CastTest): NaN, ±∞ and values outside int32 give int32's minimum for the
 * types converted through int32 (int8, uint8, int16, uint16, int32, which then keep their low bits),
 * and int64's minimum for those converted through int64 (uint32, int64; uint64 takes values in
 * [2^63, 2^64) unsigned). Integer to integer keeps the low bits (two's complement wrap-around);
 * anything to bool is {@code x != 0} (NaN is true).
 */
final class ElementConversion {
    private ElementConversion() {
    }

    static void emit(KernelWriter k, DataType from, DataType to) {
        Code c = k.code();
        DataType src = Float16.computeType(from);
        DataType dst = Float16.computeType(to);
        if (src == dst) {
            return;
        }
        ValType s = KernelWriter.stackType(src);
        if (dst == DataType.BOOL) {
            switch (s) {
                case F32 -> c.f32Const(0f).f32Ne();
                case F64 -> c.f64Const(0).f64Ne();
                case I32 -> c.i32Const(0).i32Ne();
                case I64 -> c.i64Const(0).i64Ne();
            }
            return;
        }
        ValType d = KernelWriter.stackType(dst);
        boolean srcUnsigned32 = src == DataType.UINT32;
        boolean srcUnsigned64 = src == DataType.UINT64;
        switch (d) {
            case F32 -> {
                switch (s) {
                    case F64 -> c.f32DemoteF64();
                    case I32 -> c = srcUnsigned32 ? c.f32ConvertI32U() : c.f32ConvertI32S();
                    case I64 -> c = srcUnsigned64 ? c.f32ConvertI64U() : c.f32ConvertI64S();
                    default -> throw new IllegalStateException();
                }
            }
            case F64 -> {
                switch (s) {
                    case F32 -> c.f64PromoteF32();
                    case I32 -> c = srcUnsigned32 ? c.f64ConvertI32U() : c.f64ConvertI32S();
                    case I64 -> c = srcUnsigned64 ? c.f64ConvertI64U() : c.f64ConvertI64S();
                    default -> throw new IllegalStateException();
                }
            }
            case I32 -> {
                switch (s) {
                    case I64 -> c.i32WrapI64();
                    case F32, F64 -> {
                        if (dst == DataType.UINT32) {
                            truncateToI64(k, s, false);
                            c.i32WrapI64();
                        } else {
                            truncateToI32(k, s);
                        }
                    }
                    default -> {
                    }
                }
            }
            case I64 -> {
                switch (s) {
                    case I32 -> c = srcUnsigned32 ? c.i64ExtendI32U() : c.i64ExtendI32S();
                    case F32, F64 -> truncateToI64(k, s, dst == DataType.UINT64);
                    default -> {
                    }
                }
            }
        }
    }

    /** Float (f32 or f64) to i32, truncating; NaN and out-of-range values give Integer.MIN_VALUE. */
    private static void truncateToI32(KernelWriter k, ValType s) {
        Code c = k.code();
        int v = k.newLocal(s);
        c.localSet(v);
        if (s == ValType.F32) {
            c.localGet(v).f32Const(-0x1p31f).f32Ge().localGet(v).f32Const(0x1p31f).f32Lt().i32And();
            c.if_(BlockType.of(ValType.I32)).localGet(v).i32TruncF32S();
        } else {
            c.localGet(v).f64Const(-0x1p31 - 1).f64Gt().localGet(v).f64Const(0x1p31).f64Lt().i32And();
            c.if_(BlockType.of(ValType.I32)).localGet(v).i32TruncF64S();
        }
        c.else_().i32Const(Integer.MIN_VALUE).end();
    }

    /**
     * Float to i64, truncating; NaN and out-of-range values give Long.MIN_VALUE, except that with
     * {@code unsigned} values in [2^63, 2^64) convert as unsigned.
     */
    private static void truncateToI64(KernelWriter k, ValType s, boolean unsigned) {
        Code c = k.code();
        int v = k.newLocal(s);
        c.localSet(v);
        boolean f32 = s == ValType.F32;
        inRange(c, v, f32, -0x1p63, 0x1p63);
        c.if_(BlockType.of(ValType.I64)).localGet(v);
        c = f32 ? c.i64TruncF32S() : c.i64TruncF64S();
        c.else_();
        if (unsigned) {
            inRange(c, v, f32, 0x1p63, 0x1p64);
            c.if_(BlockType.of(ValType.I64)).localGet(v);
            c = f32 ? c.i64TruncF32U() : c.i64TruncF64U();
            c.else_().i64Const(Long.MIN_VALUE).end();
        } else {
            c.i64Const(Long.MIN_VALUE);
        }
        c.end();
    }

    /** Pushes lo ≤ v &lt; hi (false for NaN); lo and hi are powers of two, exact in either type. */
    private static void inRange(Code c, int v, boolean f32, double lo, double hi) {
        if (f32) {
            c.localGet(v).f32Const((float) lo).f32Ge().localGet(v).f32Const((float) hi).f32Lt().i32And();
        } else {
            c.localGet(v).f64Const(lo).f64Ge().localGet(v).f64Const(hi).f64Lt().i32And();
        }
    }
}
