package dev.edgec.harness.ops;

import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.ir.DataType;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentityTest {
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 3, 7, 17, 100})
    void matchesOrt(int n) {
        for (DataType t : OpCheck.MOVE_TYPES) {
            OnnxBuilder b = new OnnxBuilder("identity", 14);
            String x = b.input("x", t, n, 3);
            b.output(b.node("Identity", List.of(x)), t);
            OpCheck.assertMatchesOrt(b.toBytes(), t);
        }
    }
}
