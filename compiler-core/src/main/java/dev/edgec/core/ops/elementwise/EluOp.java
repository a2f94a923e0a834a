package dev.edgec.core.ops.elementwise;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.lower.MathFunction;
import dev.edgec.core.ops.OpContext;
import dev.edgec.ir.DataType;
import dev.edgec.wasm.Code;

/**
 * Elu: x where x ≥ 0, alpha·(exp(x) − 1) below (computed in float32 for every float type, see {@link
 * Float32UnaryOp}; exp through {@link MathFunction#EXP_F32}).
 */
final class EluOp extends Float32UnaryOp {
    @Override
    protected void readAttributes(OpContext ctx) {
        ctx.attrs().getFloat("alpha", 1f);
    }

    @Override
    protected void emitScalar(OpContext ctx, KernelWriter k, DataType t) {
        float alpha = ctx.attrs().getFloat("alpha", 1f);
        Code c = k.code();
        int x = k.newLocal(KernelWriter.stackType(t));
        c.localSet(x).localGet(x);
        c.localGet(x).call(k.mathFunction(MathFunction.EXP_F32)).f32Const(1f).f32Sub().f32Const(alpha).f32Mul();
        c.localGet(x).f32Const(0f).f32Ge();
        // [x, alpha(e^x - 1), x >= 0] → select picks x where x >= 0
        c.select();
    }
}
