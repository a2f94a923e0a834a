package dev.edgec.core.ops.elementwise;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.ir.DataType;
import java.util.List;

/** Floor. */
final class FloorOp extends UnaryElementwiseOp {
    @Override
    protected List<DataType> types() {
        return NumericTypes.FLOATS;
    }

    @Override
    protected void emitScalar(OpContext ctx, KernelWriter k, DataType t) {
        if (t == DataType.FLOAT32) {
            k.code().f32Floor();
        } else {
            k.code().f64Floor();
        }
    }
}
