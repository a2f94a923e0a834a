package dev.edgec.core.ops.elementwise;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.ir.DataType;
import dev.edgec.wasm.Code;
import java.util.List;

/** HardSwish (opset 14): x · max(0, min(1, x/6 + 1/2)). */
final class HardSwishOp extends UnaryElementwiseOp {
    @Override
    protected List<DataType> types() {
        return NumericTypes.FLOATS;
    }

    @Override
    protected void emitScalar(OpContext ctx, KernelWriter k, DataType t) {
        Code c = k.code();
        int x = k.newLocal(KernelWriter.stackType(t));
        c.localTee(x).localGet(x);
        if (t == DataType.FLOAT32) {
            c.f32Const(1f / 6).f32Mul().f32Const(0.5f).f32Add().f32Const(1f).f32Min().f32Const(0f).f32Max().f32Mul();
        } else {
            c.f64Const(1.0 / 6).f64Mul().f64Const(0.5).f64Add().f64Const(1).f64Min().f64Const(0).f64Max().f64Mul();
        }
    }
}
