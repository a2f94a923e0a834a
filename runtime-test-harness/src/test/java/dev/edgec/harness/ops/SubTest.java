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

    /** Opset 6's broadcasting (checked on values by the conformance suite's opset-6 models, which ONNX Runtime no longer runs). */
    @Test
    void legacyBroadcastingNeedsTheFlagAndAMatchingRun() {
        OpCheck.assertRejected(OpCheck.binary("Sub", 6, DataType.FLOAT32, DataType.FLOAT32, new int[]{2, 3}, new int[]{3}),
                InvalidModelException.class, "Sub", "broadcast is 0");
        OpCheck.assertRejected(OpCheck.binary("Sub", 6, DataType.FLOAT32, DataType.FLOAT32, new int[]{2, 3, 4}, new int[]{3},
                "broadcast", 1L), InvalidModelException.class, "Sub", "does not match");
        OpCheck.assertRejected(OpCheck.binary("Sub", 6, DataType.FLOAT32, DataType.FLOAT32, new int[]{2, 3, 4}, new int[]{3, 4},
                "broadcast", 1L, "axis", 2L), InvalidModelException.class, "Sub", "does not fit");
    }
}
