package dev.edgec.core.ops.elementwise;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.ConstantFolding;
import dev.edgec.core.ops.OpContext;
import dev.edgec.ir.DataType;
import java.util.List;

/** Sub (opset 7+: numpy broadcasting). Integer subtraction wraps, as ONNX Runtime's does. */
final class SubOp extends BinaryElementwiseOp {
    @Override
    protected List<DataType> types() {
        return NumericTypes.NUMERIC;
    }

    @Override
    protected void emitScalar(OpContext ctx, KernelWriter k, DataType t) {
        switch (KernelWriter.stackType(t)) {
            case F32 -> k.code().f32Sub();
            case F64 -> k.code().f64Sub();
            case I64 -> k.code().i64Sub();
            case I32 -> k.code().i32Sub();
        }
    }

    @Override
    protected ConstantFolding.Scalar fold() {
        return new ConstantFolding.Scalar((a, b) -> a - b, (a, b) -> a - b);
    }
}
