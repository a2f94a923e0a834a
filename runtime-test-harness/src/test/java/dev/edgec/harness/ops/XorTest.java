package dev.edgec.harness.ops;

import dev.edgec.ir.DataType;
import java.util.List;

/** Xor against ONNX Runtime: bool inputs with broadcasting. */
class XorTest extends BroadcastBinaryOpTest.Predicate {
    XorTest() {
        super("Xor", 7, List.of(DataType.BOOL));
    }
}
