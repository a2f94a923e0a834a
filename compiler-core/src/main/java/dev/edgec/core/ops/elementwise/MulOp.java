package dev.edgec.core.ops.elementwise;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.ConstantFolding;
import dev.edgec.core.ops.OpContext;
import dev.edgec.ir.DataType;
import java.util.List;

/** Mul (opset 7+: numpy broadcasting). Integer products wrap to the element width, as ONNX Runtime's do. */
final class MulOp extends BinaryElementwiseOp {
    @Override
    protected List<DataType> types() {
        return NumericTypes.NUMERIC;
    }

    @Override
    protected void emitScalar(OpContext ctx, KernelWriter k, DataType t) {
        switch (KernelWriter.stackType(t)) {
            case F32 -> k.code().f32Mul();
            case F64 -> k.code().f64Mul();
            case I64 -> k.code().i64Mul();
            case I32 -> k.code().i32Mul();
        }
    }

    @Override
    protected ConstantFolding.Scalar fold() {
        return new ConstantFolding.Scalar((a, b) -> a * b, (a, b) -> a * b);
    }
}
