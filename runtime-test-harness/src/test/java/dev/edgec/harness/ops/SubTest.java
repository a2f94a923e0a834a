package dev.edgec.harness.ops;

import dev.edgec.ir.DataType;
import dev.edgec.ir.InvalidModelException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sub against ONNX Runtime: numpy broadcasting, float and integer types (integers wrap). */
class SubTest extends BroadcastBinaryOpTest.Arithmetic {
    SubTest() {
        super("Sub", 14, List.of(DataType.FLOAT32, DataType.FLOAT64, DataType.INT32, DataType.INT64));
    }

    @Test
    void rejectsMixedTypes() {
        byte[] model = OpCheck.model("Sub", 14, List.of(DataType.FLOAT32, DataType.INT32), List.of(new int[]{2}, new int[]{2}),
                DataType.FLOAT32);
        OpCheck.assertRejected(model, InvalidModelException.class, "Sub", "different types");
    }
}
