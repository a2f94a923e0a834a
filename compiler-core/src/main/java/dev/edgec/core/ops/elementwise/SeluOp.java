package dev.edgec.core.ops.elementwise;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.lower.MathFunction;
import dev.edgec.core.ops.OpContext;
import dev.edgec.ir.DataType;
import dev.edgec.wasm.Code;

/**
 * Selu: gamma·x where x > 0, gamma·(alpha·exp(x) − alpha) elsewhere (computed in float32, see {@link
 * Float32UnaryOp}).
 */
final class SeluOp extends Float32UnaryOp {
    private static final float ALPHA = 1.67326319217681884765625f;
    private static final float GAMMA = 1.05070102214813232421875f;

    @Override
    protected void readAttributes(OpContext ctx) {
        ctx.attrs().getFloat("alpha", ALPHA);
        ctx.attrs().getFloat("gamma", GAMMA);
    }

    @Override
    protected void emitScalar(OpContext ctx, KernelWriter k, DataType t) {
        float alpha = ctx.attrs().getFloat("alpha", ALPHA);
        float gamma = ctx.attrs().getFloat("gamma", GAMMA);
        Code c = k.code();
        int x = k.newLocal(KernelWriter.stackType(t));
        c.localSet(x);
        c.localGet(x).f32Const(gamma).f32Mul();
        c.localGet(x).call(k.mathFunction(MathFunction.EXP_F32)).f32Const(alpha).f32Mul().f32Const(alpha).f32Sub()
                .f32Const(gamma).f32Mul();
        c.localGet(x).f32Const(0f).f32Gt().select();
    }
}
