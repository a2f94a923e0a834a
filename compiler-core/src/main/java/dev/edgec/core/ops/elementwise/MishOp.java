package dev.edgec.core.ops.elementwise;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.lower.MathFunction;
import dev.edgec.core.ops.OpContext;
import dev.edgec.ir.DataType;
import dev.edgec.wasm.Code;
import dev.edgec.wasm.ValType;

/** Mish (opset 18+): x·tanh(softplus(x)), in float32 with {@link SoftplusOp}'s softplus and TANH_F32. */
final class MishOp extends Float32UnaryOp {
    @Override
    protected void emitScalar(OpContext ctx, KernelWriter k, DataType t) {
        Code c = k.code();
        int x = k.newLocal(ValType.F32);
        c.localTee(x);
        SoftplusOp.emitFloat32(k);
        c.call(k.mathFunction(MathFunction.TANH_F32)).localGet(x).f32Mul();
    }
}
