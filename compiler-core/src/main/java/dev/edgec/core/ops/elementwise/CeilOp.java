package dev.edgec.core.ops.elementwise;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.ir.DataType;
import java.util.List;

/** Ceil. */
final class CeilOp extends UnaryElementwiseOp {
    @Override
    protected List<DataType> types() {
        return NumericTypes.FLOATS;
    }

    @Override
    protected void emitScalar(OpContext ctx, KernelWriter k, DataType t) {
        if (t == DataType.FLOAT32) {
            k.code().f32Ceil();
        } else {
            k.code().f64Ceil();
        }
    }

    /** Small constants fold (shape arithmetic, a trip count computed at import). */
    @Override
    public java.util.Optional<List<dev.edgec.ir.Tensor>> evaluate(OpContext ctx) {
        return dev.edgec.core.ops.ConstantFolding.unary(ctx, inferTypes(ctx).get(0), Math::ceil, x -> x);
    }
}
