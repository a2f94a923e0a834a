package dev.edgec.harness.ops;

import dev.edgec.ir.DataType;
import java.util.List;

/** LessOrEqual against ONNX Runtime: bool output with broadcasting; inputs hold small whole numbers so that ties occur. */
class LessOrEqualTest extends BroadcastBinaryOpTest.Predicate {
    LessOrEqualTest() {
        super("LessOrEqual", 16, List.of(DataType.FLOAT32, DataType.FLOAT64, DataType.INT32, DataType.INT64));
    }
}
