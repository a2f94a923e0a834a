package dev.edgec.harness.ops;

import dev.edgec.ir.DataType;
import dev.edgec.ir.InvalidModelException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Max against ONNX Runtime, and its opset-6 rule that inputs have one shape. */
class MaxTest extends VariadicOpTest.Extremum {
    MaxTest() {
        super("Max");
    }

    @Test
    void rejectsDifferentShapesBeforeOpset8() {
        byte[] model = OpCheck.model("Max", 6, List.of(DataType.FLOAT32, DataType.FLOAT32),
                List.of(new int[]{2, 3}, new int[]{3}), DataType.FLOAT32);
        OpCheck.assertRejected(model, InvalidModelException.class, "Max", "same shape");
    }
}
