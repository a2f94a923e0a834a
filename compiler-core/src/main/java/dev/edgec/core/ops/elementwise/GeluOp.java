package dev.edgec.core.ops.elementwise;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.lower.MathFunction;
import dev.edgec.core.ops.OpContext;
import dev.edgec.ir.DataType;
import dev.edgec.wasm.Code;
import dev.edgec.wasm.ValType;

/**
 * Gelu (opset 20+). {@code approximate = "none"}: ½·x·(1 + erf(x/√2)), in float64 with ERF_F64 so that
 * 1 + erf keeps its relative precision for negative x. {@code "tanh"}: ½·x·(1 + tanh(u)) with
 * u = √(2/π)·(x + 0.044715·x³), computed as x·sigmoid(2u) (the same value, since 1 + tanh u =
 * 2·sigmoid(2u)) so that nothing cancels for negative x. (ONNX Runtime's tanh form does cancel: below
 * x ≈ −4.5 its results drift from the formula, 10% at −4.75, and edgec's do not.)
 */
final class GeluOp extends Float32UnaryOp {
    private static final double SQRT_HALF = 0.7071067811865476;
    private static final float SQRT_2_OVER_PI = 0.7978845608f;

    @Override
    protected void readAttributes(OpContext ctx) {
        String a = ctx.attrs().getString("approximate", "none");
        if (!a.equals("none") && !a.equals("tanh")) {
            throw ctx.error("approximate must be 'none' or 'tanh', got '" + a + "'");
        }
    }

    @Override
    protected void emitScalar(OpContext ctx, KernelWriter k, DataType t) {
        Code c = k.code();
        int x = k.newLocal(ValType.F32);
        c.localSet(x);
        if (ctx.attrs().getString("approximate", "none").equals("tanh")) {
            c.localGet(x).localGet(x).localGet(x).f32Mul().localGet(x).f32Mul().f32Const(0.044715f).f32Mul().f32Add()
                    .f32Const(2 * SQRT_2_OVER_PI).f32Mul().call(k.mathFunction(MathFunction.SIGMOID_F32));
            c.localGet(x).f32Mul();
        } else {
            c.localGet(x).f64PromoteF32().f64Const(SQRT_HALF).f64Mul().call(k.mathFunction(MathFunction.ERF_F64))
                    .f64Const(1).f64Add().localGet(x).f64PromoteF32().f64Mul().f64Const(0.5).f64Mul().f32DemoteF64();
        }
    }
}
