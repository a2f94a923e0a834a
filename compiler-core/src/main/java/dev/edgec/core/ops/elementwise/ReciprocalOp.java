package dev.edgec.core.ops.elementwise;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.ir.DataType;
import dev.edgec.wasm.Code;
import dev.edgec.wasm.ValType;
import java.util.List;

/** Reciprocal: 1 / x (infinity at zero, as in IEEE division). */
final class ReciprocalOp extends UnaryElementwiseOp {
    @Override
    protected List<DataType> types() {
        return NumericTypes.FLOATS;
    }

    @Override
    protected void emitScalar(OpContext ctx, KernelWriter k, DataType t) {
        Code c = k.code();
        int x = k.newLocal(KernelWriter.stackType(t));
        c.localSet(x);
        if (KernelWriter.stackType(t) == ValType.F32) {
            c.f32Const(1f).localGet(x).f32Div();
        } else {
            c.f64Const(1).localGet(x).f64Div();
        }
    }
}
