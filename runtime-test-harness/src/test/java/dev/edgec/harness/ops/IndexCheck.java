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
}
