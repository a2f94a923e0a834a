package dev.edgec.core.lower;

import dev.edgec.wasm.Code;

/**
 * Inline wasm for bfloat16 ⇄ float32, the rules of {@link dev.edgec.ir.BFloat16}: widening shifts the
 * 16 bits up (exact); narrowing rounds to nearest even and turns every NaN into a quiet NaN. Both
 * are a few integer instructions, so they are inlined rather than called.
 */
final class BFloat16Code {
    private BFloat16Code() {
    }

    /** i32 holding the bfloat16 bits (zero-extended) → the f32 it stands for. */
    static void widen(Code c) {
        c.i32Const(16).i32Shl().f32ReinterpretI32();
    }

    /** f32 → i32 whose low 16 bits are the bfloat16, ready for {@code i32.store16}. */
    static void narrow(KernelWriter k) {
        int bits = k.newI32();
        Code c = k.code();
        c.i32ReinterpretF32().localSet(bits);
        // NaN: keep the sign and top payload bits, set the quiet bit (a payload only in the low bits must not become infinity)
        c.localGet(bits).i32Const(16).i32ShrU().i32Const(0x40).i32Or();
        // else: add 0x7FFF plus the lowest kept bit, then drop the low half (ties go to the even neighbour)
        c.localGet(bits).i32Const(0x7FFF).i32Add()
                .localGet(bits).i32Const(16).i32ShrU().i32Const(1).i32And().i32Add()
                .i32Const(16).i32ShrU();
        c.localGet(bits).i32Const(0x7FFFFFFF).i32And().i32Const(0x7F800000).i32GtU();
        c.select();
    }
}
