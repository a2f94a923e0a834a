package dev.edgec.harness.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import dev.edgec.harness.WasmtimeRuntime;
import dev.edgec.ir.DataType;
import dev.edgec.ir.InvalidModelException;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.TensorType;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** MatMul against ONNX Runtime: vectors, matrices, batches with broadcast batch dimensions. */
class MatMulTest {
    static byte[] model(int opset, long[] a, long[] b) {
        OnnxBuilder m = new OnnxBuilder("matmul", opset);
        String y = m.node("MatMul", List.of(m.input("a", DataType.FLOAT32, a), m.input("b", DataType.FLOAT32, b)));
        m.output(y, DataType.FLOAT32);
        return m.toBytes();
    }

    private static long[] s(long... d) {
        return d;
    }

    static Stream<Arguments> shapes() {
        return Stream.of(
                Arguments.of(s(3, 4), s(4, 5), 13),
                Arguments.of(s(1, 784), s(784, 256), 13),
                Arguments.of(s(7), s(7, 3), 9),
                Arguments.of(s(2, 6), s(6), 1),
                Arguments.of(s(5), s(5), 13),
                Arguments.of(s(2, 3, 4), s(4, 5), 13),
                Arguments.of(s(4, 5), s(2, 5, 3), 13),
                Arguments.of(s(2, 1, 3, 4), s(1, 3, 4, 2), 13),
                Arguments.of(s(3, 1, 2, 5), s(4, 5, 3), 21),
                Arguments.of(s(6), s(2, 3, 6, 4), 13),
                Arguments.of(s(2, 3, 2, 6), s(6), 13),
                Arguments.of(s(1, 1, 9), s(2, 9, 1), 13),
                Arguments.of(s(2, 3, 0), s(0, 4), 13),
                Arguments.of(s(3, 11), s(11, 2), 13));
    }

    @ParameterizedTest(name = "{0} x {1} opset {2}")
    @MethodSource("shapes")
    void matchesOnnxRuntime(long[] a, long[] b, int opset) {
        assertNull(ModelCheck.mismatchOnRandomInputs(model(opset, a, b), 3, Tolerance.ONNX_BACKEND));
    }

    /** The zoo MLP's shape (784-256-128-10 with Relu), run in wasmtime as well as Chicory. */
    @Test
    void mlpChainMatchesOnnxRuntimeInBothRuntimes() {
        OnnxBuilder b = new OnnxBuilder("mlp", 13);
        String x = b.input("x", DataType.FLOAT32, 1, 784);
        int[] sizes = {784, 256, 128, 10};
        Random r = new Random(1);
        for (int i = 0; i < 3; i++) {
            Tensor w = RandomTensors.uniform(TensorType.of(DataType.FLOAT32, sizes[i], sizes[i + 1]), r, -0.1, 0.1);
            x = b.node("MatMul", List.of(x, b.initializer("w" + i, w)));
            if (i < 2) {
                x = b.node("Relu", List.of(x));
            }
        }
        b.output(x, DataType.FLOAT32);
        byte[] model = b.toBytes();
        Map<String, Tensor> in = Map.of("x", RandomTensors.of(TensorType.of(DataType.FLOAT32, 1, 784), r));
        assertNull(ModelCheck.mismatch(model, in, Tolerance.ZOO, new ChicoryRuntime()));
        assertNull(ModelCheck.mismatch(model, in, Tolerance.ZOO, new WasmtimeRuntime()));
    }

    @Test
    void outputShapeDropsTheVectorDimensions() {
        var g = new Compiler().compile(model(13, s(7), s(2, 7, 3)), CompileOptions.defaults()).signature().outputs();
        assertEquals(Shape.of(2, 3), g.get(0).type().shape());
    }

    @Test
    void innerDimensionMismatchNamesTheNode() {
        InvalidModelException e = assertThrows(InvalidModelException.class,
                () -> new Compiler().compile(model(13, s(2, 3), s(4, 2)), CompileOptions.defaults()));
        assertTrue(e.getMessage().contains("MatMul 'MatMul_1'") && e.getMessage().contains("inner dimensions"),
                e.getMessage());
    }

    @Test
    void batchDimensionsThatDoNotBroadcastAreRejected() {
        InvalidModelException e = assertThrows(InvalidModelException.class,
                () -> new Compiler().compile(model(13, s(2, 2, 3), s(3, 3, 2)), CompileOptions.defaults()));
        assertTrue(e.getMessage().contains("do not broadcast"), e.getMessage());
    }
}
