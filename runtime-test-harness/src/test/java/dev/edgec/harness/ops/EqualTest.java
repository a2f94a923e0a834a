package dev.edgec.harness.ops;

import dev.edgec.ir.DataType;
import java.util.List;

/** Equal against ONNX Runtime: bool output with broadcasting; inputs hold small whole numbers so that ties occur. */
class EqualTest extends BroadcastBinaryOpTest.Predicate {
    EqualTest() {
        super("Equal", 13, List.of(DataType.FLOAT32, DataType.FLOAT64, DataType.INT32, DataType.INT64, DataType.BOOL));
    }
}
