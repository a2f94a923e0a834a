package dev.edgec.harness.ops;

import dev.edgec.ir.DataType;
import java.util.List;

/** Mul against ONNX Runtime: numpy broadcasting, float and integer types (integers wrap). */
class MulTest extends BroadcastBinaryOpTest.Arithmetic {
    MulTest() {
        super("Mul", 14, List.of(DataType.FLOAT32, DataType.FLOAT64, DataType.INT32, DataType.INT64));
    }
}
