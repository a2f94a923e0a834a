package dev.edgec.core.ops.elementwise;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.lower.MathFunction;
import dev.edgec.core.ops.OpContext;
import dev.edgec.ir.DataType;

/**
 * Tanh (computed in float32 for every float type, see {@link Float32UnaryOp}; through the {@link
 * MathFunction#TANH_F32} helper, whose error bound is documented there).
 */
final class TanhOp extends Float32UnaryOp {
    @Override
    protected void emitScalar(OpContext ctx, KernelWriter k, DataType t) {
        k.code().call(k.mathFunction(MathFunction.TANH_F32));
    }
}
