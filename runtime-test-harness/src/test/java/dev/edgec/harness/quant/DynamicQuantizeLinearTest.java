package dev.edgec.harness.quant;

import static org.junit.jupiter.api.Assertions.assertNull;

import dev.edgec.cli.runtime.ChicoryRuntime;
import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.harness.ModelCheck;
import dev.edgec.harness.Tolerance;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DynamicQuantizeLinear against ONNX Runtime, all three outputs exact, over ranges straddling, above and below 0. */
class DynamicQuantizeLinearTest {

    @ParameterizedTest
    @CsvSource({"-3, 5", "0.5, 9", "-7, -1", "0, 0", "-1e-3, 2e-3"})
    void matchesOrt(double lo, double hi) {
        OnnxBuilder b = new OnnxBuilder("dql", 11);
        String x = b.input("x", DataType.FLOAT32, 3, 13);
        b.nodeWithOutputs("DynamicQuantizeLinear", List.of(x), List.of("y", "s", "z"));
        b.output("y", DataType.UINT8, 3, 13).output("s", DataType.FLOAT32).output("z", DataType.UINT8);
        Tensor in = hi == lo ? Tensor.ofFloats(Shape.of(3, 13), new float[39]) : QuantCheck.floats(new int[] {3, 13}, new Random(3), lo, hi);
        String why = ModelCheck.mismatch(b.toBytes(), Map.of("x", in), Tolerance.EXACT, new ChicoryRuntime());
        assertNull(why, why);
    }
}
