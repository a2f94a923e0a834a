package dev.edgec.core.ops.elementwise;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.lower.MathFunction;
import dev.edgec.core.ops.OpContext;
import dev.edgec.ir.DataType;
import java.util.List;

/**
 * A unary operator that is one float32 {@link MathFunction} (Sin, Cos, Tan, Asin, Acos, Atan, Sinh,
 * Cosh, Asinh, Acosh, Atanh, Erf). float16 computes in float32 and rounds back. float64 goes through
 * the float32 function too (demote, compute, promote): its ≤ 3 ulp error is ~2e-7 relative, far
 * inside the ONNX backend tolerance (rtol 1e-3), but arguments or results beyond float32's range
 * overflow to ±∞ or flush to 0.
 */
final class MathFunctionOp extends UnaryElementwiseOp {
    private static final List<DataType> TYPES = List.of(DataType.FLOAT32, DataType.FLOAT64, DataType.FLOAT16);

    private final MathFunction function;

    MathFunctionOp(MathFunction function) {
        this.function = function;
    }

    @Override
    protected List<DataType> types() {
        return TYPES;
    }

    @Override
    protected void emitScalar(OpContext ctx, KernelWriter k, DataType t) {
        if (t == DataType.FLOAT64) {
            k.code().f32DemoteF64().call(k.mathFunction(function)).f64PromoteF32();
        } else {
            k.code().call(k.mathFunction(function));
        }
    }
}
