package dev.edgec.harness.ops;

import dev.edgec.ir.DataType;
import java.util.List;

/** Greater against ONNX Runtime: bool output with broadcasting; inputs hold small whole numbers so that ties occur. */
class GreaterTest extends BroadcastBinaryOpTest.Predicate {
    GreaterTest() {
        super("Greater", 13, List.of(DataType.FLOAT32, DataType.FLOAT64, DataType.INT32, DataType.INT64));
    }
}
