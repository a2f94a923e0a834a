package dev.edgec.harness.ops;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.edgec.cli.runtime.ChicoryRuntime;
import dev.edgec.cli.runtime.ModuleRunner;
import dev.edgec.core.CompileOptions;
import dev.edgec.core.CompileResult;
import dev.edgec.core.Compiler;
import dev.edgec.harness.ModelCheck;
import dev.edgec.harness.OrtReference;
import dev.edgec.harness.RandomTensors;
import dev.edgec.harness.Tolerance;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.UnsupportedModelException;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ReduceLogSumExp against ONNX Runtime over the cases of {@link ReduceOpTestBase}, plus float64
 * inputs whose exponentials overflow float32 (they must be computed in float64 throughout).
 */
class ReduceLogSumExpTest extends ReduceOpTestBase {
    @Override
    String op() {
        return "ReduceLogSumExp";
    }

    @ParameterizedTest(name = "float64 values up to ±{0}")
    @ValueSource(doubles = {5, 300, 700})
    void float64WideRangeMatchesOnnxRuntime(double range) {
        byte[] model = model(op(), DataType.FLOAT64, 13, false, new long[] {4, 6, 3}, new long[] {1}, 0L, null);
        CompileResult compiled = new Compiler().compile(model, CompileOptions.defaults());
        var spec = compiled.signature().inputs().get(0);
        Tensor x = RandomTensors.uniform(spec.type(), new Random(17), -range, range);
        assertNull(ModelCheck.mismatch(model, compiled, Map.of(spec.name(), x), Tolerance.ONNX_BACKEND, new ChicoryRuntime()));
        // float64 exp and log are within 2 ulp, so the result must also agree to far more digits than float32 has
        Tensor actual;
        try (ModuleRunner m = new ModuleRunner(compiled.moduleBytes(), new ChicoryRuntime())) {
            actual = m.run(List.of(x)).get(0);
        }
        Tensor reference;
        try (OrtReference ort = new OrtReference(model)) {
            reference = ort.run(Map.of(spec.name(), x)).get(0);
        }
        for (int i = 0; i < reference.elementCount(); i++) {
            double r = reference.getDouble(i);
            assertEquals(r, actual.getDouble(i), 1e-13 * Math.max(1, Math.abs(r)), "element " + i);
        }
    }

    @Test
    void integerInputIsRejected() {
        byte[] model = model(op(), DataType.INT32, 13, false, new long[] {3, 4}, new long[] {0}, 1L, null);
        PoolTesting.assertError(UnsupportedModelException.class, model, "ReduceLogSumExp", "int32");
    }
}
