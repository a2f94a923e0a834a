package dev.edgec.core.ops.elementwise;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.lower.MathFunction;
import dev.edgec.core.ops.OpContext;
import dev.edgec.ir.DataType;
import dev.edgec.wasm.Code;

/**
 * Celu (opset 12+, computed in float32, see {@link Float32UnaryOp}): max(0, x) + min(0,
 * alpha·(exp(x/alpha) − 1)), alpha 1 by default and not 0.
 */
final class CeluOp extends Float32UnaryOp {
    @Override
    protected void readAttributes(OpContext ctx) {
        if (ctx.attrs().getFloat("alpha", 1f) == 0f) {
            throw ctx.error("alpha must not be 0");
        }
    }

    @Override
    protected void emitScalar(OpContext ctx, KernelWriter k, DataType t) {
        float alpha = ctx.attrs().getFloat("alpha", 1f);
        Code c = k.code();
        int x = k.newLocal(KernelWriter.stackType(t));
        c.localTee(x).f32Const(0f).f32Max();
        c.localGet(x).f32Const(alpha).f32Div().call(k.mathFunction(MathFunction.EXP_F32)).f32Const(1f).f32Sub()
                .f32Const(alpha).f32Mul().f32Const(0f).f32Min();
        c.f32Add();
    }
}
