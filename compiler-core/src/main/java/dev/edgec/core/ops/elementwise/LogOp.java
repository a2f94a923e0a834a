package dev.edgec.core.ops.elementwise;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.lower.MathFunction;
import dev.edgec.core.ops.OpContext;
import dev.edgec.ir.DataType;
import java.util.List;

/** Log: natural logarithm, float32 with {@link MathFunction#LOG_F32}, float64 with LOG_F64, float16 via float32. */
final class LogOp extends UnaryElementwiseOp {
    @Override
    protected List<DataType> types() {
        return List.of(DataType.FLOAT32, DataType.FLOAT64, DataType.FLOAT16);
    }

    @Override
    protected void emitScalar(OpContext ctx, KernelWriter k, DataType t) {
        k.code().call(k.mathFunction(t == DataType.FLOAT64 ? MathFunction.LOG_F64 : MathFunction.LOG_F32));
    }
}
