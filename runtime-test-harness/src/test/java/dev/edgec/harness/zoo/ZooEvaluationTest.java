package dev.edgec.harness.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgec.cli.runtime.ChicoryRuntime;
import dev.edgec.cli.runtime.WasmRuntime;
import dev.edgec.core.CompileOptions;
import dev.edgec.core.CompileResult;
import dev.edgec.core.Compiler;
import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.harness.Tolerance;
import dev.edgec.harness.WasmtimeRuntime;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.harness.zoo.ZooEvaluation.RuntimeResult;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The path the zoo test takes (compile, no imports, run in a runtime, compare with ONNX Runtime) on
 * a model every branch compiles: Add of a constant then Relu. It also checks that a wrong module is
 * caught, so a passing zoo test means something.
 */
class ZooEvaluationTest {
    static Stream<WasmRuntime> runtimes() {
        return Stream.of(new ChicoryRuntime(), new WasmtimeRuntime());
    }

    private static byte[] addRelu(String op) {
        OnnxBuilder b = new OnnxBuilder("add_relu", 13);
        String x = b.input("x", DataType.FLOAT32, 1, 3, 4, 4);
        float[] c = new float[3 * 4 * 4];
        for (int i = 0; i < c.length; i++) {
            c[i] = (i % 7 - 3) * 0.25f;
        }
        String k = b.initializer("k", Tensor.ofFloats(Shape.of(1, 3, 4, 4), c));
        b.output(b.node("Relu", List.of(b.node(op, List.of(x, k)))), DataType.FLOAT32, 1, 3, 4, 4);
        return b.toBytes();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runtimes")
    void addReluMatchesOnnxRuntime(WasmRuntime runtime) {
        byte[] onnx = addRelu("Add");
        CompileResult compiled = new Compiler().compile(onnx, CompileOptions.defaults());
        assertEquals(0, ZooEvaluation.importCount(compiled.moduleBytes()));
        RuntimeResult r = ZooEvaluation.evaluate(onnx, compiled, runtime, ZooEvaluation.SEEDS, Tolerance.ZOO);
        assertNull(r.firstMismatch());
        assertEquals(3, r.inputs());
        assertTrue(r.maxAbsError() <= 1e-6, "max error " + r.maxAbsError());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runtimes")
    void aWrongModuleIsCaught(WasmRuntime runtime) {
        CompileResult compiledAdd = new Compiler().compile(addRelu("Add"), CompileOptions.defaults());
        RuntimeResult r = ZooEvaluation.evaluate(addRelu("Sub"), compiledAdd, runtime, ZooEvaluation.SEEDS,
                Tolerance.ZOO);
        assertNotNull(r.firstMismatch());
        assertTrue(r.firstMismatch().contains("seed 1"), r.firstMismatch());
        assertTrue(r.maxAbsError() > 0.1, "max error " + r.maxAbsError());
    }
}
