package dev.edgec.harness.ops;

import dev.edgec.ir.DataType;
import java.util.List;

/** Mean against ONNX Runtime (float32: ONNX Runtime's only Mean kernel). */
class MeanTest extends VariadicOpTest {
    MeanTest() {
        super("Mean", List.of(DataType.FLOAT32));
    }
}
