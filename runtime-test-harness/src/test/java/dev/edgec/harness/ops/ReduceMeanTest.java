package dev.edgec.harness.ops;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgec.cli.runtime.ChicoryRuntime;
import dev.edgec.cli.runtime.ModuleRunner;
import dev.edgec.core.CompileOptions;
import dev.edgec.core.Compiler;
import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.harness.RandomTensors;
import dev.edgec.harness.Tolerance;
import dev.edgec.ir.DataType;
import dev.edgec.ir.EdgecException;
import dev.edgec.ir.InvalidModelException;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.TensorType;
import dev.edgec.ir.UnsupportedModelException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** ReduceMean against ONNX Runtime over the cases of {@link ReduceOpTestBase}, plus the error paths. */
class ReduceMeanTest extends ReduceOpTestBase {
    @Override
    String op() {
        return "ReduceMean";
    }

    private static String compileError(byte[] model, Class<? extends EdgecException> kind) {
        return assertThrows(kind, () -> new Compiler().compile(model, CompileOptions.defaults())).getMessage();
    }

    /** Spec: with noop_with_empty_axes=1 and no axes the input passes through (ONNX Runtime 1.23 fails here). */
    @Test
    void omittedAxesWithNoopIsTheIdentity() {
        byte[] model = model("ReduceMean", 18, true, new long[] {2, 3}, null, 1L, 1L);
        byte[] wasm = new Compiler().compile(model, CompileOptions.defaults()).moduleBytes();
        Tensor x = RandomTensors.of(TensorType.of(DataType.FLOAT32, 2, 3), new Random(3));
        try (ModuleRunner m = new ModuleRunner(wasm, new ChicoryRuntime())) {
            assertNull(Tolerance.EXACT.mismatch(m.run(List.of(x)).get(0), x));
        }
    }

    @Test
    void axisOutOfRangeNamesTheNode() {
        String m = compileError(model("ReduceMean", 11, false, new long[] {2, 3}, new long[] {2}, null, null),
                InvalidModelException.class);
        assertTrue(m.contains("ReduceMean 'ReduceMean_1'") && m.contains("axis 2"), m);
    }

    @Test
    void repeatedAxisIsRejected() {
        String m = compileError(model("ReduceMean", 18, true, new long[] {2, 3}, new long[] {1, -1}, null, null),
                InvalidModelException.class);
        assertTrue(m.contains("twice"), m);
    }

    @Test
    void axesInputMustBeConstant() {
        OnnxBuilder b = new OnnxBuilder("reduce", 18);
        String y = b.node("ReduceMean", List.of(b.input("x", DataType.FLOAT32, 2, 3), b.input("axes", DataType.INT64, 1)));
        b.output(y, DataType.FLOAT32);
        String m = compileError(b.toBytes(), UnsupportedModelException.class);
        assertTrue(m.contains("ReduceMean 'ReduceMean_1'") && m.contains("constant"), m);
    }

    @Test
    void axesAttributeIsUnknownFromOpset18() {
        String m = compileError(model("ReduceMean", 18, false, new long[] {2, 3}, new long[] {1}, null, null),
                InvalidModelException.class);
        assertTrue(m.contains("unknown attribute axes"), m);
    }
}
