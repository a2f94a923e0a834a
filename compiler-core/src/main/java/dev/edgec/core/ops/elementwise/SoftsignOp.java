package dev.edgec.core.ops.elementwise;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.ir.DataType;
import dev.edgec.wasm.Code;

/**
 * Softsign: x / (1 + |x|) (computed in float32, see {@link Float32UnaryOp}; ONNX Runtime implements
 * only float32).
 */
final class SoftsignOp extends Float32UnaryOp {
    @Override
    protected void emitScalar(OpContext ctx, KernelWriter k, DataType t) {
        Code c = k.code();
        int x = k.newLocal(KernelWriter.stackType(t));
        c.localTee(x).localGet(x);
        c.f32Abs().f32Const(1f).f32Add().f32Div();
    }
}
