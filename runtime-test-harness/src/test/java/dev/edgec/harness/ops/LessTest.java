package dev.edgec.harness.ops;

import dev.edgec.ir.DataType;
import java.util.List;

/** Less against ONNX Runtime: bool output with broadcasting; inputs hold small whole numbers so that ties occur. */
class LessTest extends BroadcastBinaryOpTest.Predicate {
    LessTest() {
        super("Less", 13, List.of(DataType.FLOAT32, DataType.FLOAT64, DataType.INT32, DataType.INT64));
    }
}
