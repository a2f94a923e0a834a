package dev.edgec.core.ops.elementwise;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.ir.DataType;
import java.util.List;

/** Not (bool). */
final class NotOp extends UnaryElementwiseOp {
    @Override
    protected List<DataType> types() {
        return List.of(DataType.BOOL);
    }

    @Override
    protected void emitScalar(OpContext ctx, KernelWriter k, DataType t) {
        k.code().i32Eqz();
    }
}
