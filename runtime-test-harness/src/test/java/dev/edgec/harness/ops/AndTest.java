package dev.edgec.harness.ops;

import dev.edgec.ir.DataType;
import java.util.List;

/** And against ONNX Runtime: bool inputs with broadcasting. */
class AndTest extends BroadcastBinaryOpTest.Predicate {
    AndTest() {
        super("And", 7, List.of(DataType.BOOL));
    }
}
