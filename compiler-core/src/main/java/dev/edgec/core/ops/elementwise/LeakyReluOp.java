package dev.edgec.core.ops.elementwise;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.ir.DataType;
import dev.edgec.wasm.Code;
import java.util.List;

/** LeakyRelu: x where x ≥ 0, alpha·x below (attribute alpha, default 0.01). */
final class LeakyReluOp extends UnaryElementwiseOp {
    @Override
    protected List<DataType> types() {
        return NumericTypes.FLOATS;
    }

    @Override
    protected void readAttributes(OpContext ctx) {
        ctx.attrs().getFloat("alpha", 0.01f);
    }

    @Override
    protected void emitScalar(OpContext ctx, KernelWriter k, DataType t) {
        float alpha = ctx.attrs().getFloat("alpha", 0.01f);
        Code c = k.code();
        int x = k.newLocal(KernelWriter.stackType(t));
        c.localTee(x);
        if (t == DataType.FLOAT32) {
            c.f32Const(alpha).f32Mul().localGet(x).localGet(x).f32Const(0f).f32Lt().select();
        } else {
            c.f64Const(alpha).f64Mul().localGet(x).localGet(x).f64Const(0).f64Lt().select();
        }
    }
}
