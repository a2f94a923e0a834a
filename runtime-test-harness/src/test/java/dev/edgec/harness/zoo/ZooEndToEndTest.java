package dev.edgec.harness.zoo;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgec.cli.runtime.ChicoryRuntime;
import dev.edgec.core.CompileOptions;
import dev.edgec.core.CompileResult;
import dev.edgec.core.Compiler;
import dev.edgec.harness.Tolerance;
import dev.edgec.harness.WabtValidator;
import dev.edgec.harness.WasmtimeRuntime;
import dev.edgec.harness.zoo.ZooEvaluation.RuntimeResult;
import dev.edgec.models.Zoo;
import dev.edgec.models.ZooModel;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The zoo end to end: each committed model compiles to an import-free module that Chicory parses,
 * wasm-validate accepts under the MVP profile and wasmtime instantiates, and whose outputs in
 * wasmtime and in Chicory match ONNX Runtime within {@link Tolerance#ZOO} on the seeded inputs.
 * Chicory interprets, yet all three inputs fit: Conv-only stand-ins of the two biggest models took
 * about 5 s (ResNet-8) and 2.3 s (MobileNetV1) per input in Chicory on the shared 2-core machine.
 */
class ZooEndToEndTest {
    static Stream<Arguments> models() {
        return Zoo.all().stream().map(m -> Arguments.of(Named.of(m.fileName(), m)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void compilesValidatesAndMatchesOnnxRuntime(ZooModel model) {
        byte[] onnx = ZooFiles.read(model);
        CompileResult compiled = new Compiler().compile(onnx, CompileOptions.defaults());
        byte[] wasm = compiled.moduleBytes();

        assertEquals(0, ZooEvaluation.importCount(wasm), "the module must have no imports");
        assertTrue(WabtValidator.available(), "wasm-validate (wabt) is needed to check the MVP profile");
        assertNull(WabtValidator.validateMvp(wasm), "wasm-validate (MVP) rejects the module");
        assertDoesNotThrow(() -> new WasmtimeRuntime().instantiate(wasm).close(), "wasmtime cannot instantiate the module");

        RuntimeResult wasmtime = ZooEvaluation.evaluate(onnx, compiled, new WasmtimeRuntime(), ZooEvaluation.SEEDS,
                Tolerance.ZOO);
        assertNull(wasmtime.firstMismatch());
        RuntimeResult chicory = ZooEvaluation.evaluate(onnx, compiled, new ChicoryRuntime(), ZooEvaluation.SEEDS,
                Tolerance.ZOO);
        assertNull(chicory.firstMismatch());
        // Wasm float arithmetic is deterministic, so an interpreter and a compiler must agree exactly.
        assertEquals(wasmtime.maxAbsError(), chicory.maxAbsError(), "Chicory and wasmtime disagree");
    }
}
