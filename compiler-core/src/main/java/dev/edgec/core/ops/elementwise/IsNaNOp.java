package dev.edgec.core.ops.elementwise;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.ir.DataType;
import dev.edgec.wasm.ValType;

/** IsNaN (opset 9+): bool x ≠ x. */
final class IsNaNOp extends FloatClassOp {
    @Override
    protected void emitScalar(OpContext ctx, KernelWriter k, DataType t) {
        ValType st = KernelWriter.stackType(t);
        int x = k.newLocal(st);
        if (st == ValType.F64) {
            k.code().localTee(x).localGet(x).f64Ne();
        } else {
            k.code().localTee(x).localGet(x).f32Ne();
        }
    }
}
