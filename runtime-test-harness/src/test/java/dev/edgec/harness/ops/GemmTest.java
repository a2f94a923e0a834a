package dev.edgec.harness.ops;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgec.cli.runtime.ChicoryRuntime;
import dev.edgec.core.CompileOptions;
import dev.edgec.core.Compiler;
import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.harness.ModelCheck;
import dev.edgec.harness.RandomTensors;
import dev.edgec.harness.Tolerance;
import dev.edgec.ir.DataType;
import dev.edgec.ir.InvalidModelException;
import dev.edgec.ir.Shape;
import dev.edgec.ir.TensorType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Gemm against ONNX Runtime: every transpose pair, every C broadcast, alpha/beta, odd sizes. */
class GemmTest {
    private static long[] dims(boolean trans, int rows, int cols) {
        return trans ? new long[] {cols, rows} : new long[] {rows, cols};
    }

    /** A one-Gemm model; C (shape cDims, or absent when null) is an initializer when cConstant. */
    static byte[] model(int opset, int m, int k, int n, boolean transA, boolean transB, long[] cDims,
                        boolean cConstant, float alpha, float beta) {
        OnnxBuilder b = new OnnxBuilder("gemm", opset);
        List<String> inputs = new ArrayList<>();
        inputs.add(b.input("a", DataType.FLOAT32, dims(transA, m, k)));
        inputs.add(b.input("b", DataType.FLOAT32, dims(transB, k, n)));
        if (cDims != null) {
            if (cConstant) {
                int[] d = new int[cDims.length];
                for (int i = 0; i < d.length; i++) {
                    d[i] = (int) cDims[i];
                }
                inputs.add(b.initializer("c", RandomTensors.of(new TensorType(DataType.FLOAT32, Shape.of(d)), new Random(7))));
            } else {
                inputs.add(b.input("c", DataType.FLOAT32, cDims));
            }
        }
        String y = b.node("Gemm", inputs, "transA", transA ? 1L : 0L, "transB", transB ? 1L : 0L, "alpha", alpha,
                "beta", beta);
        b.output(y, DataType.FLOAT32);
        return b.toBytes();
    }

    static Stream<Arguments> transposesAndBiases() {
        int m = 3;
        int n = 5;
        List<long[]> biases = new ArrayList<>();
        biases.add(null);
        biases.add(new long[0]);
        biases.add(new long[] {n});
        biases.add(new long[] {1, n});
        biases.add(new long[] {m, 1});
        biases.add(new long[] {m, n});
        biases.add(new long[] {1});
        biases.add(new long[] {1, 1});
        List<Arguments> out = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            for (long[] c : biases) {
                out.add(Arguments.of(t >= 2, t % 2 == 1, c));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "transA={0} transB={1} C={2}")
    @MethodSource("transposesAndBiases")
    void matchesOnnxRuntime(boolean transA, boolean transB, long[] c) {
        byte[] model = model(13, 3, 6, 5, transA, transB, c, false, 0.75f, -1.5f);
        assertNull(ModelCheck.mismatchOnRandomInputs(model, 1, Tolerance.ONNX_BACKEND));
    }

    static Stream<Arguments> sizes() {
        return Stream.of(
                // m, k, n, transA, transB, alpha, beta, opset
                Arguments.of(1, 784, 256, false, true, 1f, 1f, 13),
                Arguments.of(4, 1, 3, false, false, 1f, 1f, 11),
                Arguments.of(2, 7, 9, true, true, 2f, 0f, 9),
                Arguments.of(1, 13, 1, false, true, 1f, 0.5f, 7),
                Arguments.of(17, 9, 8, true, false, -1f, 1f, 21),
                Arguments.of(5, 0, 4, false, false, 1f, 1f, 13));
    }

    @ParameterizedTest(name = "{0}x{1}x{2} transA={3} transB={4} alpha={5} beta={6} opset {7}")
    @MethodSource("sizes")
    void sizesOpsetsAndConstantBias(int m, int k, int n, boolean transA, boolean transB, float alpha, float beta,
                                    int opset) {
        byte[] model = model(opset, m, k, n, transA, transB, new long[] {n}, true, alpha, beta);
        assertNull(ModelCheck.mismatchOnRandomInputs(model, 2, Tolerance.ONNX_BACKEND));
    }

    /** Opsets 1-6 have the 'broadcast' attribute; ONNX Runtime runs only 7+, so the reference is the opset-7 twin. */
    @ParameterizedTest(name = "opset {0} C={1}")
    @MethodSource("legacyBiases")
    void legacyBroadcastAttributeMatchesTheOpset7Model(int opset, long[] c) {
        boolean full = c.length == 2 && c[0] == 3 && c[1] == 5;
        OnnxBuilder b = new OnnxBuilder("gemm", opset);
        String y = b.node("Gemm", List.of(b.input("a", DataType.FLOAT32, 4, 3), b.input("b", DataType.FLOAT32, 4, 5),
                b.input("c", DataType.FLOAT32, c)), "transA", 1L, "alpha", 0.5f, "broadcast", full ? 0L : 1L);
        b.output(y, DataType.FLOAT32);
        byte[] legacy = b.toBytes();
        byte[] twin = model(7, 3, 4, 5, true, false, c, false, 0.5f, 1f);
        var compiled = new Compiler().compile(legacy, CompileOptions.defaults());
        assertNull(ModelCheck.mismatch(twin, compiled, ModelCheck.randomInputs(compiled, 5), Tolerance.ONNX_BACKEND,
                new ChicoryRuntime()));
    }

    static Stream<Arguments> legacyBiases() {
        return Stream.of(Arguments.of(6, new long[] {3, 5}), Arguments.of(6, new long[] {5}),
                Arguments.of(1, new long[] {3, 1}), Arguments.of(1, new long[] {3, 5}));
    }

    @Test
    void legacyBiasMustBeFullWithoutBroadcast() {
        OnnxBuilder b = new OnnxBuilder("gemm", 6);
        String y = b.node("Gemm", List.of(b.input("a", DataType.FLOAT32, 3, 4), b.input("b", DataType.FLOAT32, 4, 5),
                b.input("c", DataType.FLOAT32, 5)));
        b.output(y, DataType.FLOAT32);
        assertTrue(compileError(b.toBytes()).getMessage().contains("when attribute broadcast is 0"));
    }

    private static InvalidModelException compileError(byte[] model) {
        return assertThrows(InvalidModelException.class, () -> new Compiler().compile(model, CompileOptions.defaults()));
    }

    @Test
    void innerDimensionMismatchNamesTheNode() {
        OnnxBuilder b = new OnnxBuilder("gemm", 13);
        String y = b.node("Gemm", List.of(b.input("a", DataType.FLOAT32, 2, 3), b.input("b", DataType.FLOAT32, 4, 5)));
        b.output(y, DataType.FLOAT32);
        InvalidModelException e = compileError(b.toBytes());
        assertTrue(e.getMessage().contains("Gemm 'Gemm_1'") && e.getMessage().contains("inner dimensions"), e.getMessage());
    }

    @Test
    void biasThatDoesNotBroadcastIsRejected() {
        InvalidModelException e = compileError(model(13, 3, 4, 5, false, false, new long[] {3}, false, 1f, 1f));
        assertTrue(e.getMessage().contains("Gemm 'Gemm_1'") && e.getMessage().contains("does not broadcast"), e.getMessage());
    }

    @Test
    void matricesOnly() {
        OnnxBuilder b = new OnnxBuilder("gemm", 13);
        String y = b.node("Gemm", List.of(b.input("a", DataType.FLOAT32, 1, 2, 3), b.input("b", DataType.FLOAT32, 3, 5)));
        b.output(y, DataType.FLOAT32);
        assertTrue(compileError(b.toBytes()).getMessage().contains("must be matrices"));
    }

    @Test
    void biasIsRequiredBeforeOpset11() {
        InvalidModelException e = compileError(model(9, 3, 4, 5, false, false, null, false, 1f, 1f));
        assertTrue(e.getMessage().contains("required before opset 11"), e.getMessage());
    }

    @Test
    void broadcastAttributeIsUnknownFromOpset7() {
        OnnxBuilder b = new OnnxBuilder("gemm", 13);
        String y = b.node("Gemm", List.of(b.input("a", DataType.FLOAT32, 2, 3), b.input("b", DataType.FLOAT32, 3, 5)),
                "broadcast", 1L);
        b.output(y, DataType.FLOAT32);
        assertTrue(compileError(b.toBytes()).getMessage().contains("unknown attribute broadcast"));
    }
}
