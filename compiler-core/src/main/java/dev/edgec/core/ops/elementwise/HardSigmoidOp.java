package dev.edgec.core.ops.elementwise;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.ir.DataType;
import dev.edgec.wasm.Code;

/**
 * HardSigmoid (computed in float32, see {@link Float32UnaryOp}; ONNX Runtime implements only float32):
 * max(0, min(1, alpha·x + beta)), alpha 0.2 and beta 0.5 by default.
 */
final class HardSigmoidOp extends Float32UnaryOp {
    @Override
    protected void readAttributes(OpContext ctx) {
        ctx.attrs().getFloat("alpha", 0.2f);
        ctx.attrs().getFloat("beta", 0.5f);
    }

    @Override
    protected void emitScalar(OpContext ctx, KernelWriter k, DataType t) {
        float alpha = ctx.attrs().getFloat("alpha", 0.2f);
        float beta = ctx.attrs().getFloat("beta", 0.5f);
        Code c = k.code();
        c.f32Const(alpha).f32Mul().f32Const(beta).f32Add().f32Const(1f).f32Min().f32Const(0f).f32Max();
    }
}
