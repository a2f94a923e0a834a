package dev.edgec.core.ops.elementwise;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.ConstantFolding;
import dev.edgec.core.ops.OpContext;
import dev.edgec.ir.DataType;
import java.util.List;

/** Add (opset 7+: numpy broadcasting). Integer addition wraps, as ONNX Runtime's does. */
final class AddOp extends BinaryElementwiseOp {
    @Override
    protected List<DataType> types() {
        return List.of(DataType.FLOAT32, DataType.FLOAT64, DataType.INT32, DataType.INT64, DataType.UINT32,
                DataType.UINT64, DataType.INT8, DataType.UINT8, DataType.INT16, DataType.UINT16);
    }

    @Override
    protected void emitScalar(OpContext ctx, KernelWriter k, DataType t) {
        switch (KernelWriter.stackType(t)) {
            case F32 -> k.code().f32Add();
            case F64 -> k.code().f64Add();
            case I64 -> k.code().i64Add();
            case I32 -> k.code().i32Add();
        }
    }

    @Override
    protected ConstantFolding.Scalar fold() {
        return new ConstantFolding.Scalar((a, b) -> a + b, (a, b) -> a + b);
    }
}
