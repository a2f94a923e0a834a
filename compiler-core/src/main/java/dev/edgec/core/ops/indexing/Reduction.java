package dev.edgec.core.ops.indexing;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.ir.DataType;
import dev.edgec.wasm.Code;
import dev.edgec.wasm.ValType;

/** How ScatterElements and ScatterND combine an update with the element already there. */
enum Reduction {
    NONE, ADD, MUL, MIN, MAX;

    /** The {@code reduction} attribute: add/mul from opset 16, min/max from 18. */
    static Reduction read(OpContext ctx) {
        if (ctx.opset() < 16) {
            return NONE;
        }
        String r = ctx.attrs().getString("reduction", "none");
        Reduction red = switch (r) {
            case "none" -> NONE;
            case "add" -> ADD;
            case "mul" -> MUL;
            case "min" -> ctx.opset() >= 18 ? MIN : null;
            case "max" -> ctx.opset() >= 18 ? MAX : null;
            default -> null;
        };
        if (red == null) {
            throw ctx.error("reduction '" + r + "' is not defined at opset " + ctx.opset());
        }
        DataType t = ctx.inputType(0).dataType();
        if (red != NONE && (t == DataType.BOOL || t == DataType.FLOAT16 || t == DataType.BFLOAT16)) {
            throw ctx.unsupported("reduction '" + r + "' on " + t.signatureName() + " data is not supported");
        }
        return red;
    }

    /**
     * Emits the update of one element: the element at the address in local {@code dst} becomes the
     * update at the address in local {@code src}, combined with the element's old value.
     */
    void emit(KernelWriter k, DataType t, int dst, int src) {
        Code c = k.code();
        if (this == NONE) {
            RawElements.copy(c, src, dst, t.byteSize());
            return;
        }
        c.localGet(dst);
        c.localGet(dst);
        k.load(t, 0);
        c.localGet(src);
        k.load(t, 0);
        combine(k, t);
        k.store(t, 0);
    }

    /** Combines the two values of type {@code t} on the stack (old, then update) into one. */
    void combine(KernelWriter k, DataType t) {
        Code c = k.code();
        ValType vt = KernelWriter.stackType(t);
        if ((this == MIN || this == MAX) && !t.isFloating()) {
            // no integer min/max instruction: select(a, b, a < b) for MIN, a > b for MAX
            int a = k.newLocal(vt);
            int b = k.newLocal(vt);
            c.localSet(b).localSet(a);
            c.localGet(a).localGet(b).localGet(a).localGet(b);
            boolean signed = t.isSigned();
            boolean wide = vt == ValType.I64;
            if (this == MIN) {
                if (wide) {
                    c = signed ? c.i64LtS() : c.i64LtU();
                } else {
                    c = signed ? c.i32LtS() : c.i32LtU();
                }
            } else if (wide) {
                c = signed ? c.i64GtS() : c.i64GtU();
            } else {
                c = signed ? c.i32GtS() : c.i32GtU();
            }
            c.select();
            return;
        }
        switch (this) {
            case ADD -> c = vt == ValType.F32 ? c.f32Add() : vt == ValType.F64 ? c.f64Add() : vt == ValType.I64 ? c.i64Add() : c.i32Add();
            case MUL -> c = vt == ValType.F32 ? c.f32Mul() : vt == ValType.F64 ? c.f64Mul() : vt == ValType.I64 ? c.i64Mul() : c.i32Mul();
            case MIN -> c = vt == ValType.F32 ? c.f32Min() : c.f64Min();
            case MAX -> c = vt == ValType.F32 ? c.f32Max() : c.f64Max();
            case NONE -> throw new IllegalStateException("NONE replaces, it does not combine");
        }
    }
}
