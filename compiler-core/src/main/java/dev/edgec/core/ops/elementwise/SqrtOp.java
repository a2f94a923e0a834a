package dev.edgec.core.ops.elementwise;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.ir.DataType;
import java.util.List;

/** Sqrt: the correctly rounded square root (NaN below zero). */
final class SqrtOp extends UnaryElementwiseOp {
    @Override
    protected List<DataType> types() {
        return NumericTypes.FLOATS;
    }

    @Override
    protected void emitScalar(OpContext ctx, KernelWriter k, DataType t) {
        if (t == DataType.FLOAT32) {
            k.code().f32Sqrt();
        } else {
            k.code().f64Sqrt();
        }
    }
}
