package dev.edgec.harness.zoo;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgec.core.CompileOptions;
import dev.edgec.core.CompileResult;
import dev.edgec.core.Compiler;
import dev.edgec.harness.Tolerance;
import dev.edgec.harness.WasmtimeRuntime;
import dev.edgec.harness.zoo.ZooEvaluation.RuntimeResult;
import dev.edgec.models.Zoo;
import dev.edgec.models.ZooModel;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Optimizing preserves results: every zoo model compiled at -O0 and at -O1 matches ONNX Runtime (in
 * wasmtime) within {@link Tolerance#ZOO}, and -O1 is never bigger, in module bytes or in arena
 * bytes, than -O0; its arena is within 5 % of the lower bound of its execution order.
 */
class OptimizationEquivalenceTest {
    static Stream<Arguments> models() {
        return Zoo.all().stream().map(m -> Arguments.of(Named.of(m.fileName(), m)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void bothLevelsMatchOnnxRuntimeAndO1IsSmaller(ZooModel model) {
        byte[] onnx = ZooFiles.read(model);
        CompileResult o0 = new Compiler().compile(onnx, CompileOptions.defaults().withOptimizationLevel(0));
        CompileResult o1 = new Compiler().compile(onnx, CompileOptions.defaults().withOptimizationLevel(1));
        for (CompileResult r : new CompileResult[] {o0, o1}) {
            RuntimeResult result = ZooEvaluation.evaluate(onnx, r, new WasmtimeRuntime(), ZooEvaluation.SEEDS, Tolerance.ZOO);
            assertNull(result.firstMismatch());
        }
        assertTrue(o1.moduleBytes().length <= o0.moduleBytes().length,
                "-O1 module " + o1.moduleBytes().length + " bytes > -O0 " + o0.moduleBytes().length);
        long a0 = o0.assembled().arena().size();
        long a1 = o1.assembled().arena().size();
        assertTrue(a1 <= a0, "-O1 arena " + a1 + " bytes > -O0 " + a0);
        long bound = o1.assembled().arena().lowerBound();
        assertTrue(a1 <= bound * 1.05, "-O1 arena " + a1 + " bytes > 1.05 × lower bound " + bound);
    }
}
