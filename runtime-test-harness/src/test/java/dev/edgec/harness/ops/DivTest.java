package dev.edgec.harness.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.edgec.cli.runtime.ChicoryRuntime;
import dev.edgec.cli.runtime.ModuleRunner;
import dev.edgec.cli.runtime.WasmRuntime;
import dev.edgec.core.CompileOptions;
import dev.edgec.core.Compiler;
import dev.edgec.harness.WasmtimeRuntime;
import dev.edgec.ir.DataType;
import dev.edgec.ir.InvalidModelException;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Div against ONNX Runtime, with integer divisors kept non-zero (ONNX Runtime's integer division by
 * zero is undefined behaviour in C++). edgec's own rule for the cases where wasm would trap
 * ({@code x / 0 = 0}, {@code MIN / -1 = MIN}) is checked directly in both runtimes.
 */
class DivTest {
    private static final List<DataType> TYPES = List.of(DataType.FLOAT32, DataType.FLOAT64, DataType.INT32, DataType.INT64);

    static Stream<Arguments> cases() {
        return TYPES.stream().flatMap(t -> OpCheck.BROADCAST_SHAPES.stream().map(s -> Arguments.of(t, s[0], s[1])));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesOrt(DataType t, int[] a, int[] b) {
        byte[] model = OpCheck.binary("Div", 14, t, t, a, b);
        Map<String, Tensor> inputs = OpCheck.randomInputs(List.of(t, t), List.of(a, b), 7, -10, 10);
        Tensor divisor = inputs.get("x1");
        if (!t.isFloating()) {
            long[] v = divisor.toLongs();
            for (int i = 0; i < v.length; i++) {
                v[i] = v[i] == 0 ? 7 : v[i];
            }
            inputs.put("x1", Tensor.ofLongs(t, divisor.shape(), v));
        }
        OpCheck.assertMatchesOrt(model, inputs, t);
    }

    @Test
    void integerDivisionNeverTraps() {
        for (DataType t : List.of(DataType.INT32, DataType.INT64)) {
            long min = t == DataType.INT32 ? Integer.MIN_VALUE : Long.MIN_VALUE;
            byte[] model = OpCheck.binary("Div", 14, t, t, new int[]{5}, new int[]{5});
            Tensor a = Tensor.ofLongs(t, Shape.of(5), 7, -7, min, min, 9);
            Tensor b = Tensor.ofLongs(t, Shape.of(5), 0, 0, -1, 0, -2);
            long[] expected = {0, 0, min, 0, -4};
            byte[] wasm = new Compiler().compile(model, CompileOptions.defaults()).moduleBytes();
            for (WasmRuntime runtime : List.<WasmRuntime>of(new ChicoryRuntime(), new WasmtimeRuntime())) {
                try (ModuleRunner m = new ModuleRunner(wasm, runtime)) {
                    assertArrayEquals(expected, m.run(List.of(a, b)).get(0).toLongs(), runtime.name());
                }
            }
        }
    }

    @Test
    void unsignedDivision() {
        byte[] model = OpCheck.binary("Div", 14, DataType.UINT32, DataType.UINT32, new int[]{3}, new int[]{3});
        Tensor a = Tensor.ofLongs(DataType.UINT32, Shape.of(3), 4000000000L, 9, 5);
        Tensor b = Tensor.ofLongs(DataType.UINT32, Shape.of(3), 3, 0, 2);
        byte[] wasm = new Compiler().compile(model, CompileOptions.defaults()).moduleBytes();
        try (ModuleRunner m = new ModuleRunner(wasm, new ChicoryRuntime())) {
            assertArrayEquals(new long[]{1333333333L, 0, 2}, m.run(List.of(a, b)).get(0).toLongs());
        }
    }

    @Test
    void rejectsShapesThatDoNotBroadcast() {
        byte[] model = OpCheck.binary("Div", 14, DataType.FLOAT32, DataType.FLOAT32, new int[]{2, 3}, new int[]{4});
        OpCheck.assertRejected(model, InvalidModelException.class, "Div", "do not broadcast");
    }
}
