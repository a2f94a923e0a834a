package dev.edgec.harness.ops;

import dev.edgec.ir.DataType;
import java.util.List;

/** Or against ONNX Runtime: bool inputs with broadcasting. */
class OrTest extends BroadcastBinaryOpTest.Predicate {
    OrTest() {
        super("Or", 7, List.of(DataType.BOOL));
    }
}
