package dev.edgec.core.ops.elementwise;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.ir.DataType;
import dev.edgec.wasm.Code;
import dev.edgec.wasm.ValType;

/** Emits the min or max of the two values on the stack: IEEE min/max for floats (NaN wins), compare-and-select for integers. */
final class MinMax {
    private MinMax() {
    }

    static void emit(KernelWriter k, DataType t, boolean max) {
        Code c = k.code();
        ValType st = KernelWriter.stackType(t);
        switch (st) {
            case F32 -> c = max ? c.f32Max() : c.f32Min();
            case F64 -> c = max ? c.f64Max() : c.f64Min();
            case I32, I64 -> {
                int a = k.newLocal(st);
                int b = k.newLocal(st);
                c.localSet(b).localTee(a).localGet(b).localGet(a).localGet(b);
                boolean signed = t.isSigned();
                if (st == ValType.I32) {
                    c = max ? (signed ? c.i32GtS() : c.i32GtU()) : (signed ? c.i32LtS() : c.i32LtU());
                } else {
                    c = max ? (signed ? c.i64GtS() : c.i64GtU()) : (signed ? c.i64LtS() : c.i64LtU());
                }
                c.select();
            }
        }
    }
}
