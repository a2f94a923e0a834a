package dev.edgec.harness.ops;

import dev.edgec.ir.DataType;
import java.util.List;

/** Sum against ONNX Runtime. */
class SumTest extends VariadicOpTest {
    SumTest() {
        super("Sum", List.of(DataType.FLOAT32, DataType.FLOAT64));
    }
}
