package dev.edgec.harness.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.edgec.cli.runtime.ChicoryRuntime;
import dev.edgec.cli.runtime.ModuleRunner;
import dev.edgec.core.CompileOptions;
import dev.edgec.core.CompileResult;
import dev.edgec.core.Compiler;
import dev.edgec.core.abi.RunStatus;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.core.abi.TensorSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Helpers of the indexing-operator tests: index tensors and the run-time index error. */
final class IndexCheck {
    private IndexCheck() {
    }

    /** Indices of type {@code t} drawn from [-bound, bound) (negative ones count from the end), or [0, bound). */
    static Tensor indices(DataType t, int[] dims, int bound, boolean negative, Random rnd) {
        Shape s = Shape.of(dims);
        long[] v = new long[s.elementCount()];
        for (int i = 0; i < v.length; i++) {
            v[i] = negative ? rnd.nextInt(2 * bound) - bound : rnd.nextInt(bound);
        }
        return Tensor.ofLongs(t, s, v);
    }

    /** Asserts that running the compiled {@code model} on {@code inputs} returns INDEX_OUT_OF_RANGE instead of trapping. */
    static void assertIndexError(byte[] model, Map<String, Tensor> inputs) {
        CompileResult compiled = new Compiler().compile(model, CompileOptions.defaults());
        List<Tensor> ordered = new ArrayList<>();
        for (TensorSpec s : compiled.signature().inputs()) {
            ordered.add(inputs.get(s.name()));
        }
        try (ModuleRunner m = new ModuleRunner(compiled.moduleBytes(), new ChicoryRuntime())) {
            m.writeInputs(ordered);
            assertEquals(RunStatus.INDEX_OUT_OF_RANGE.code(), m.instance().call("run"));
        }
    }

    /**
     * For element types ONNX Runtime has no kernel for (a data-movement operator moves any type):
     * runs {@code model(t)} on whole numbers in [0, 100) (0/1 for bool) and checks that its outputs
     * equal ONNX Runtime's for {@code model(FLOAT32)} on the same values.
     */
    static void assertMatchesOrtThroughFloat(java.util.function.Function<DataType, byte[]> model, DataType t,
                                             Map<String, int[]> inputShapes, long seed) {
        Random rnd = new Random(seed);
        Map<String, Tensor> typed = new java.util.LinkedHashMap<>();
        Map<String, Tensor> floats = new java.util.LinkedHashMap<>();
        inputShapes.forEach((name, dims) -> {
            Shape s = Shape.of(dims);
            long[] v = new long[s.elementCount()];
            double[] f = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = t == DataType.BOOL ? rnd.nextInt(2) : rnd.nextInt(100);
                f[i] = v[i];
            }
            typed.put(name, t.isFloating() ? Tensor.ofDoubles(t, s, f) : Tensor.ofLongs(t, s, v));
            floats.put(name, Tensor.ofDoubles(DataType.FLOAT32, s, f));
        });
        List<Tensor> expected;
        try (dev.edgec.harness.OrtReference ort = new dev.edgec.harness.OrtReference(model.apply(DataType.FLOAT32))) {
            expected = ort.run(floats);
        }
        CompileResult compiled = new Compiler().compile(model.apply(t), CompileOptions.defaults());
        List<Tensor> ordered = new ArrayList<>();
        for (TensorSpec s : compiled.signature().inputs()) {
            ordered.add(typed.get(s.name()));
        }
        List<Tensor> actual;
        try (ModuleRunner m = new ModuleRunner(compiled.moduleBytes(), new ChicoryRuntime())) {
            actual = m.run(ordered);
        }
        for (int o = 0; o < expected.size(); o++) {
            assertEquals(expected.get(o).shape(), actual.get(o).shape());
            for (int i = 0; i < expected.get(o).elementCount(); i++) {
                assertEquals(expected.get(o).getDouble(i), actual.get(o).getDouble(i), t + " output " + o + " element " + i);
            }
        }
    }
}
