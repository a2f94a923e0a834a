package dev.edgec.harness.ops;

import static dev.edgec.harness.ops.ConvTest.dims;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.edgec.cli.runtime.ChicoryRuntime;
import dev.edgec.core.CompileOptions;
import dev.edgec.core.Compiler;
import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.harness.ModelCheck;
import dev.edgec.harness.RandomTensors;
import dev.edgec.harness.Tolerance;
import dev.edgec.ir.DataType;
import dev.edgec.ir.InvalidModelException;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.TensorType;
import dev.edgec.ir.UnsupportedModelException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** BatchNormalization (inference) against ONNX Runtime over opsets, ranks, batch sizes and parameter sources. */
class BatchNormalizationTest {
    private static final String[] PARAMETERS = {"scale", "bias", "mean", "var"};

    /** Parameters are initializers, or graph inputs when {@code parametersAsInputs}; var is positive. */
    static byte[] model(int opset, int[] x, int channels, boolean parametersAsInputs, Map<String, Tensor> inputs,
                        Object... attributes) {
        OnnxBuilder b = new OnnxBuilder("bn", opset);
        Random rnd = new Random(11);
        List<String> names = new ArrayList<>(List.of(b.input("x", DataType.FLOAT32, ConvTest.toLongs(x))));
        inputs.put("x", RandomTensors.of(TensorType.of(DataType.FLOAT32, x), rnd));
        for (String p : PARAMETERS) {
            TensorType t = TensorType.of(DataType.FLOAT32, channels);
            Tensor v = p.equals("var") ? RandomTensors.uniform(t, rnd, 0.05, 2) : RandomTensors.of(t, rnd);
            if (parametersAsInputs) {
                names.add(b.input(p, DataType.FLOAT32, channels));
                inputs.put(p, v);
            } else {
                names.add(b.initializer(p, v));
            }
        }
        b.output(b.node("BatchNormalization", names, attributes), DataType.FLOAT32);
        return b.toBytes();
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(7, dims(2, 4, 3, 3), false, new Object[] {"spatial", 1L, "momentum", 0.8f}),
                Arguments.of(9, dims(3, 5), false, new Object[] {}),
                Arguments.of(9, dims(2, 3, 7), true, new Object[] {"epsilon", 0.01f}),
                Arguments.of(14, dims(1, 6, 5, 4), false, new Object[] {"training_mode", 0L}),
                Arguments.of(15, dims(2, 2, 3, 2, 4), true, new Object[] {}),
                Arguments.of(21, dims(1, 8, 6, 6), false, new Object[] {"epsilon", 1e-5f}));
    }

    @ParameterizedTest(name = "opset {0} x {1} parameters as inputs {2}")
    @MethodSource("cases")
    void matchesOnnxRuntime(int opset, int[] x, boolean parametersAsInputs, Object[] attributes) {
        Map<String, Tensor> inputs = new LinkedHashMap<>();
        byte[] m = model(opset, x, x[1], parametersAsInputs, inputs, attributes);
        assertNull(ModelCheck.mismatch(m, inputs, Tolerance.ONNX_BACKEND, new ChicoryRuntime()));
    }

    /** ONNX Runtime has no BatchNormalization-6 kernel: compare with its opset-7 form, identical but for is_test. */
    @Test
    void opset6MatchesOpset7Reference() {
        Map<String, Tensor> inputs = new LinkedHashMap<>();
        byte[] v6 = model(6, dims(2, 3, 4, 5), 3, false, inputs, "epsilon", 1e-3f, "is_test", 1L);
        byte[] v7 = model(7, dims(2, 3, 4, 5), 3, false, new LinkedHashMap<>(), "epsilon", 1e-3f);
        assertNull(ModelCheck.mismatch(v7, new Compiler().compile(v6, CompileOptions.defaults()), inputs,
                Tolerance.ONNX_BACKEND, new ChicoryRuntime()));
    }

    @Test
    void rejectsChannelMismatchAndTraining() {
        PoolTesting.assertError(InvalidModelException.class, model(15, dims(1, 3, 2, 2), 4, false, new LinkedHashMap<>()),
                "BatchNormalization", "must have shape [3]");
        PoolTesting.assertError(UnsupportedModelException.class,
                model(15, dims(1, 3, 2, 2), 3, false, new LinkedHashMap<>(), "training_mode", 1L),
                "BatchNormalization", "training_mode");
        PoolTesting.assertError(UnsupportedModelException.class,
                model(7, dims(1, 3, 2, 2), 3, false, new LinkedHashMap<>(), "spatial", 0L),
                "BatchNormalization", "spatial");
        PoolTesting.assertError(InvalidModelException.class, model(15, dims(3), 3, false, new LinkedHashMap<>()),
                "BatchNormalization", "rank 2 or more");
    }
}
