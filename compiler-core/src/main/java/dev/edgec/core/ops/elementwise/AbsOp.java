package dev.edgec.core.ops.elementwise;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.ir.DataType;
import dev.edgec.wasm.Code;
import dev.edgec.wasm.ValType;
import java.util.List;

/** Abs. Unsigned types are unchanged; the most negative integer stays itself (wrapping), as in C++. */
final class AbsOp extends UnaryElementwiseOp {
    @Override
    protected List<DataType> types() {
        return NumericTypes.NUMERIC;
    }

    @Override
    protected void emitScalar(OpContext ctx, KernelWriter k, DataType t) {
        Code c = k.code();
        ValType st = KernelWriter.stackType(t);
        if (!t.isSigned()) {
            return;
        }
        switch (st) {
            case F32 -> c.f32Abs();
            case F64 -> c.f64Abs();
            case I32 -> {
                int x = k.newI32();
                c.localSet(x).i32Const(0).localGet(x).i32Sub().localGet(x).localGet(x).i32Const(0).i32LtS().select();
            }
            case I64 -> {
                int x = k.newLocal(ValType.I64);
                c.localSet(x).i64Const(0).localGet(x).i64Sub().localGet(x).localGet(x).i64Const(0).i64LtS().select();
            }
        }
    }
}
