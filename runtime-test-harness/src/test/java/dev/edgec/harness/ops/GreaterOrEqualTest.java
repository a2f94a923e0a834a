package dev.edgec.harness.ops;

import dev.edgec.ir.DataType;
import java.util.List;

/** GreaterOrEqual against ONNX Runtime: bool output with broadcasting; inputs hold small whole numbers so that ties occur. */
class GreaterOrEqualTest extends BroadcastBinaryOpTest.Predicate {
    GreaterOrEqualTest() {
        super("GreaterOrEqual", 16, List.of(DataType.FLOAT32, DataType.FLOAT64, DataType.INT32, DataType.INT64));
    }
}
