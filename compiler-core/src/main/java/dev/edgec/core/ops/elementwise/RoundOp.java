package dev.edgec.core.ops.elementwise;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.ir.DataType;
import java.util.List;

/** Round (opset 11+): to the nearest whole number, halves to even (wasm's {@code nearest}). */
final class RoundOp extends UnaryElementwiseOp {
    @Override
    protected List<DataType> types() {
        return List.of(DataType.FLOAT32, DataType.FLOAT64, DataType.FLOAT16);
    }

    @Override
    protected void emitScalar(OpContext ctx, KernelWriter k, DataType t) {
        if (t == DataType.FLOAT64) {
            k.code().f64Nearest();
        } else {
            k.code().f32Nearest();
        }
    }
}
