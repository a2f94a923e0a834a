package dev.edgec.core.ops.elementwise;

import dev.edgec.ir.DataType;
import java.util.List;

/** A test of each float element's class (IsNaN, IsInf): bool output, float16/32/64 input. */
abstract class FloatClassOp extends UnaryElementwiseOp {
    @Override
    protected List<DataType> types() {
        return NumericTypes.FLOATS_AND_FLOAT16;
    }

    @Override
    protected DataType outputType(DataType inputType) {
        return DataType.BOOL;
    }
}
