package dev.edgec.core.ops.elementwise;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.lower.MathFunction;
import dev.edgec.core.ops.OpContext;
import dev.edgec.ir.DataType;

/**
 * A unary operator that is one float32 {@link MathFunction} (Sin, Cos, Tan, Asin, Acos, Atan, Sinh,
 * Cosh, Asinh, Acosh, Atanh, Erf), computed in float32 for every float type as {@link Float32UnaryOp}
 * explains.
 */
final class MathFunctionOp extends Float32UnaryOp {
    private final MathFunction function;

    MathFunctionOp(MathFunction function) {
        this.function = function;
    }

    @Override
    protected void emitScalar(OpContext ctx, KernelWriter k, DataType t) {
        k.code().call(k.mathFunction(function));
    }
}
