package dev.edgec.core.ops.elementwise;

import dev.edgec.ir.DataType;
import java.util.List;

/**
 * A unary float operator whose kernel computes in float32 (through the float32 math helpers) for all
 * three float types: float16 is widened and rounded back, float64 is demoted and promoted. For float64
 * this is a deliberate trade: the helpers' few-ulp float32 error (~3e-7 relative) is far inside the
 * ONNX backend tolerance (rtol 1e-3) that float64 results are checked with, and it saves a second,
 * float64 math library; the cost is float32's range (|x| beyond 3.4e38 overflows, below 1e-45
 * flushes to 0) and precision, so a model needing true double results must not rely on it.
 */
abstract class Float32UnaryOp extends UnaryElementwiseOp {
    @Override
    protected List<DataType> types() {
        return NumericTypes.FLOATS_AND_FLOAT16;
    }

    @Override
    protected DataType computeType(DataType t) {
        return DataType.FLOAT32;
    }
}
