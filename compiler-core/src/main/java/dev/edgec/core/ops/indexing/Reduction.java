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
        if (red != NONE && (t == DataType.BOOL || t == DataType.FLOAT16)) {
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
        if (this == MIN || this == MAX) {
            if (t.isFloating()) {
                if (vt == ValType.F32) {
                    if (this == MIN) { c.f32Min(); } else { c.f32Max(); }
                } else if (this == MIN) { c.f64Min(); } else { c.f64Max(); }
                return;
            }
            int a = k.newLocal(vt);
            int b = k.newLocal(vt);
            c.localSet(b).localSet(a);
            c.localGet(a).localGet(b).localGet(a).localGet(b);
            boolean signed = t.isSigned();
            if (vt == ValType.I64) {
                if (this == MIN) { if (signed) { c.i64LtS(); } else { c.i64LtU(); } } else if (signed) { c.i64GtS(); } else { c.i64GtU(); }
            } else if (this == MIN) { if (signed) { c.i32LtS(); } else { c.i32LtU(); } } else if (signed) { c.i32GtS(); } else { c.i32GtU(); }
            c.select();
            return;
        }
        boolean add = this == ADD;
        switch (vt) {
            case F32 -> { if (add) { c.f32Add(); } else { c.f32Mul(); } }
            case F64 -> { if (add) { c.f64Add(); } else { c.f64Mul(); } }
            case I64 -> { if (add) { c.i64Add(); } else { c.i64Mul(); } }
            default -> { if (add) { c.i32Add(); } else { c.i32Mul(); } }
        }
    }
}
