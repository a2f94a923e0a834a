package dev.edgec.core.lower.math;

import dev.edgec.core.lower.MathLibrary;
import dev.edgec.wasm.Code;
import dev.edgec.wasm.FunctionBuilder;
import dev.edgec.wasm.ValType;

/**
 * Conversions between IEEE binary16 bit patterns (held in the low 16 bits of an i32) and float32,
 * done in integer code. Widening is exact. Narrowing rounds to nearest, ties to even, in one step
 * (no double rounding), overflows to ±∞ from 65520 up, gives binary16 subnormals below 2^-14, and
 * maps every NaN to the quiet NaN 0x7E00 with the input's sign.
 */
public final class Float16F32 {
    private Float16F32() {
    }

    /** (i32 bits) → f32. */
    public static void emitToF32(FunctionBuilder f, MathLibrary library) {
        int h = 0;
        int sign = f.addLocal(ValType.I32);
        int exp = f.addLocal(ValType.I32);
        int mant = f.addLocal(ValType.I32);
        Code c = f.code();
        c.localGet(h).i32Const(0x8000).i32And().i32Const(16).i32Shl().localSet(sign);
        c.localGet(h).i32Const(10).i32ShrU().i32Const(0x1F).i32And().localSet(exp);
        c.localGet(h).i32Const(0x3FF).i32And().localSet(mant);
        // exponent 31: infinity or NaN, the payload moves up with the mantissa
        c.localGet(exp).i32Const(0x1F).i32Eq().if_();
        c.localGet(sign).i32Const(0x7F800000).i32Or().localGet(mant).i32Const(13).i32Shl().i32Or()
                .f32ReinterpretI32().return_();
        c.end();
        // exponent 0: zero or subnormal, mant · 2^-24 exactly, then the sign
        c.localGet(exp).i32Eqz().if_();
        c.localGet(mant).f32ConvertI32U().f32Const(0x1p-24f).f32Mul().i32ReinterpretF32().localGet(sign).i32Or()
                .f32ReinterpretI32().return_();
        c.end();
        c.localGet(sign).localGet(exp).i32Const(112).i32Add().i32Const(23).i32Shl().i32Or()
                .localGet(mant).i32Const(13).i32Shl().i32Or().f32ReinterpretI32();
    }

    /** (f32) → i32 bits in the low 16 bits. */
    public static void emitFromF32(FunctionBuilder f, MathLibrary library) {
        int x = 0;
        int a = f.addLocal(ValType.I32);
        int sign = f.addLocal(ValType.I32);
        int shift = f.addLocal(ValType.I32);
        int mant = f.addLocal(ValType.I32);
        int q = f.addLocal(ValType.I32);
        int rem = f.addLocal(ValType.I32);
        int half = f.addLocal(ValType.I32);
        Code c = f.code();
        c.localGet(x).i32ReinterpretF32().localTee(a).i32Const(16).i32ShrU().i32Const(0x8000).i32And().localSet(sign);
        c.localGet(a).i32Const(0x7FFFFFFF).i32And().localSet(a);
        c.localGet(a).i32Const(0x7F800000).i32GtU().if_();
        c.localGet(sign).i32Const(0x7E00).i32Or().return_();
        c.end();
        // 65520 = 0x477FF000 is halfway between 65504 (the largest half) and 65536: it and above round to ∞
        c.localGet(a).i32Const(0x477FF000).i32GeU().if_();
        c.localGet(sign).i32Const(0x7C00).i32Or().return_();
        c.end();
        c.localGet(a).i32Const(0x38800000).i32LtU().if_();
        {
            // below 2^-14: a binary16 subnormal counts units of 2^-24; value / 2^-24 = mant >> (126 - e)
            c.i32Const(126).localGet(a).i32Const(23).i32ShrU().i32Sub().localTee(shift).i32Const(24).i32GtU().if_();
            c.localGet(sign).return_();
            c.end();
            c.localGet(a).i32Const(0x7FFFFF).i32And().i32Const(0x800000).i32Or().localSet(mant);
            c.i32Const(1).localGet(shift).i32Shl().localSet(half); // 2^shift, halved below
            c.localGet(mant).localGet(half).i32Const(1).i32Sub().i32And().localSet(rem);
            c.localGet(half).i32Const(1).i32ShrU().localSet(half);
            c.localGet(mant).localGet(shift).i32ShrU().localSet(q);
        }
        c.else_();
        {
            // normal: rebias the exponent (127 → 15) in place and drop 13 mantissa bits
            c.localGet(a).i32Const(112 << 23).i32Sub().localTee(mant).i32Const(13).i32ShrU().localSet(q);
            c.localGet(mant).i32Const(0x1FFF).i32And().localSet(rem);
            c.i32Const(0x1000).localSet(half);
        }
        c.end();
        // round half to even: up when rem > half, or rem == half and q is odd; a carry may reach the exponent
        c.localGet(sign).localGet(q);
        c.localGet(rem).localGet(half).i32GtU();
        c.localGet(rem).localGet(half).i32Eq().localGet(q).i32Const(1).i32And().i32And();
        c.i32Or().i32Add().i32Or();
    }
}
