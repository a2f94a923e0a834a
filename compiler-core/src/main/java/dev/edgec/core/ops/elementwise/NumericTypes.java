package dev.edgec.core.ops.elementwise;

import dev.edgec.ir.DataType;
import java.util.List;

/** Element-type lists shared by the elementwise operators. */
final class NumericTypes {
    static final List<DataType> FLOATS = List.of(DataType.FLOAT32, DataType.FLOAT64);
    /** Float32 only: operators whose math helper exists only in float32 (exp, tanh, sigmoid). */
    static final List<DataType> FLOAT32 = List.of(DataType.FLOAT32);
    static final List<DataType> SIGNED = List.of(DataType.FLOAT32, DataType.FLOAT64, DataType.INT8, DataType.INT16,
            DataType.INT32, DataType.INT64);
    static final List<DataType> NUMERIC = List.of(DataType.FLOAT32, DataType.FLOAT64, DataType.INT8, DataType.UINT8,
            DataType.INT16, DataType.UINT16, DataType.INT32, DataType.UINT32, DataType.INT64, DataType.UINT64);

    static final List<DataType> FLOATS_AND_FLOAT16 = List.of(DataType.FLOAT32, DataType.FLOAT64, DataType.FLOAT16);
    static final List<DataType> NUMERIC_AND_FLOAT16 = List.of(DataType.FLOAT32, DataType.FLOAT64, DataType.INT8,
            DataType.UINT8, DataType.INT16, DataType.UINT16, DataType.INT32, DataType.UINT32, DataType.INT64,
            DataType.UINT64, DataType.FLOAT16);

    private NumericTypes() {
    }
}
