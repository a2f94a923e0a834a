package dev.edgec.core.ops.elementwise;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.lower.MathFunction;
import dev.edgec.core.ops.OpContext;
import dev.edgec.ir.DataType;

/** Sigmoid: 1 / (1 + exp(-x)) (float32, through the {@link MathFunction#SIGMOID_F32} helper, whose error bound is documented there). */
final class SigmoidOp extends Float32UnaryOp {
    @Override
    protected void emitScalar(OpContext ctx, KernelWriter k, DataType t) {
        k.code().call(k.mathFunction(MathFunction.SIGMOID_F32));
    }
}
