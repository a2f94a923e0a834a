package dev.edgec.harness.ops;

import static dev.edgec.harness.ops.ConvTest.dims;
import static dev.edgec.harness.ops.ConvTest.ints;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.edgec.core.CompileOptions;
import dev.edgec.core.Compiler;
import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.harness.ModelCheck;
import dev.edgec.harness.Tolerance;
import dev.edgec.harness.WasmtimeRuntime;
import dev.edgec.ir.DataType;
import dev.edgec.ir.InvalidModelException;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** MaxPool against ONNX Runtime over windows, strides, pads, dilations, ceil_mode and auto_pad, and its Indices output in both storage orders. */
class MaxPoolTest {
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("2x2 stride 2", 12, dims(1, 3, 8, 8), new Object[] {"kernel_shape", ints(2, 2), "strides", ints(2, 2)}),
                Arguments.of("3x3 stride 2 pad 1", 12, dims(2, 2, 9, 7),
                        new Object[] {"kernel_shape", ints(3, 3), "strides", ints(2, 2), "pads", ints(1, 1, 1, 1)}),
                Arguments.of("3x3 stride 1 default", 1, dims(1, 2, 5, 6), new Object[] {"kernel_shape", ints(3, 3)}),
                Arguments.of("asymmetric pads", 11, dims(1, 1, 6, 6),
                        new Object[] {"kernel_shape", ints(3, 2), "pads", ints(0, 1, 2, 1)}),
                Arguments.of("dilation 2", 12, dims(1, 2, 9, 9),
                        new Object[] {"kernel_shape", ints(2, 3), "dilations", ints(2, 2), "pads", ints(1, 1, 1, 1)}),
                Arguments.of("ceil_mode", 12, dims(1, 2, 7, 8),
                        new Object[] {"kernel_shape", ints(2, 2), "strides", ints(2, 2), "ceil_mode", 1L}),
                Arguments.of("ceil_mode with pad", 12, dims(1, 1, 6, 6),
                        new Object[] {"kernel_shape", ints(3, 3), "strides", ints(2, 2), "pads", ints(1, 1, 1, 1), "ceil_mode", 1L}),
                Arguments.of("SAME_UPPER", 12, dims(1, 2, 7, 5),
                        new Object[] {"kernel_shape", ints(3, 3), "strides", ints(2, 2), "auto_pad", "SAME_UPPER"}),
                Arguments.of("SAME_LOWER", 12, dims(1, 2, 6, 6),
                        new Object[] {"kernel_shape", ints(2, 2), "auto_pad", "SAME_LOWER"}),
                Arguments.of("VALID", 12, dims(1, 2, 7, 7),
                        new Object[] {"kernel_shape", ints(3, 3), "strides", ints(2, 2), "auto_pad", "VALID"}),
                Arguments.of("storage_order 0", 8, dims(1, 2, 4, 4), new Object[] {"kernel_shape", ints(2, 2), "storage_order", 0L}),
                Arguments.of("1-D", 12, dims(2, 3, 11), new Object[] {"kernel_shape", ints(3), "strides", ints(2), "pads", ints(1, 1)}),
                Arguments.of("3-D", 12, dims(1, 2, 5, 4, 6),
                        new Object[] {"kernel_shape", ints(2, 2, 3), "strides", ints(2, 1, 2), "pads", ints(0, 1, 1, 1, 0, 1)}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesOnnxRuntime(String name, int opset, int[] x, Object[] attributes) {
        assertNull(ModelCheck.mismatchOnRandomInputs(PoolTesting.model("MaxPool", opset, x, attributes), 3, Tolerance.ONNX_BACKEND));
    }

    /** A MaxPool node computing Y and Indices, on input {@code t}. */
    static byte[] withIndices(int opset, DataType t, int[] x, Object... attributes) {
        OnnxBuilder b = new OnnxBuilder("maxpool", opset);
        String xi = b.input("x", t, ConvTest.toLongs(x));
        b.nodeWithOutputs("MaxPool", List.of(xi), List.of("y", "indices"), attributes);
        b.output("y", t);
        b.output("indices", DataType.INT64);
        return b.toBytes();
    }

    static Stream<Arguments> indexCases() {
        return Stream.of(0L, 1L).flatMap(order -> Stream.of(
                Arguments.of("2x2 stride 2", dims(2, 3, 6, 6), new Object[] {"kernel_shape", ints(2, 2), "strides", ints(2, 2),
                        "storage_order", order}),
                Arguments.of("3x3 pad 1", dims(1, 2, 5, 7), new Object[] {"kernel_shape", ints(3, 3), "pads", ints(1, 1, 1, 1),
                        "storage_order", order}),
                Arguments.of("asymmetric, dilation, ceil_mode", dims(2, 2, 7, 6), new Object[] {"kernel_shape", ints(2, 3),
                        "pads", ints(1, 0, 0, 1), "dilations", ints(2, 1), "strides", ints(2, 2), "ceil_mode", 1L,
                        "storage_order", order}),
                Arguments.of("SAME_UPPER", dims(1, 3, 5, 4), new Object[] {"kernel_shape", ints(2, 2), "auto_pad", "SAME_UPPER",
                        "storage_order", order}),
                Arguments.of("1-D", dims(2, 2, 9), new Object[] {"kernel_shape", ints(3), "strides", ints(2), "pads", ints(1, 1),
                        "storage_order", order}),
                Arguments.of("3-D", dims(1, 2, 4, 5, 3), new Object[] {"kernel_shape", ints(2, 2, 2), "strides", ints(1, 2, 1),
                        "pads", ints(1, 0, 1, 0, 1, 0), "storage_order", order})));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("indexCases")
    void indicesMatchOnnxRuntime(String name, int[] x, Object[] attributes) {
        assertNull(ModelCheck.mismatchOnRandomInputs(withIndices(12, DataType.FLOAT32, x, attributes), 5, Tolerance.ONNX_BACKEND));
    }

    @ParameterizedTest(name = "{0} storage_order {1}")
    @MethodSource("tieCases")
    void firstMaximumWinsTiesAsInOnnxRuntime(DataType t, long order) {
        // values from {1, 2, 3, 4} repeat within every window; none is the type's lowest value, for which
        // ONNX Runtime finds no maximum and reports the index of position (-1, -1)
        int[] x = dims(2, 2, 6, 5);
        Random rnd = new Random(order + 7);
        long[] v = new long[2 * 2 * 6 * 5];
        for (int i = 0; i < v.length; i++) {
            v[i] = 1 + rnd.nextInt(4);
        }
        Tensor input = t == DataType.FLOAT32 ? Tensor.ofDoubles(t, Shape.of(x), java.util.Arrays.stream(v).asDoubleStream().toArray())
                : Tensor.ofLongs(t, Shape.of(x), v);
        byte[] model = withIndices(12, t, x, "kernel_shape", ints(3, 2), "strides", ints(1, 2), "pads", ints(1, 1, 1, 0),
                "storage_order", order);
        OpCheck.assertMatchesOrt(model, Map.of("x", input), t);
    }

    static Stream<Arguments> tieCases() {
        return Stream.of(Arguments.of(DataType.FLOAT32, 0L), Arguments.of(DataType.FLOAT32, 1L),
                Arguments.of(DataType.INT8, 0L), Arguments.of(DataType.UINT8, 1L));
    }

    @Test
    void indicesRunInWasmtimeToo() {
        byte[] model = withIndices(12, DataType.FLOAT32, dims(2, 2, 5, 6), "kernel_shape", ints(3, 2), "pads", ints(1, 0, 1, 1),
                "strides", ints(2, 1), "storage_order", 1L);
        Map<String, Tensor> inputs = ModelCheck.randomInputs(new Compiler().compile(model, CompileOptions.defaults()), 9);
        assertNull(ModelCheck.mismatch(model, inputs, Tolerance.ONNX_BACKEND, new WasmtimeRuntime()));
    }

    @Test
    void storageOrderAloneOnlyConcernsIndices() {
        assertNull(ModelCheck.mismatchOnRandomInputs(
                PoolTesting.model("MaxPool", 8, dims(1, 2, 4, 4), "kernel_shape", ints(2, 2), "storage_order", 1L), 3,
                Tolerance.ONNX_BACKEND));
    }

    @Test
    void rejectsBadStorageOrderAndOutputs() {
        PoolTesting.assertError(InvalidModelException.class,
                PoolTesting.model("MaxPool", 12, dims(1, 1, 4, 4), "kernel_shape", ints(2, 2), "storage_order", 2L), "MaxPool", "storage_order");
        PoolTesting.assertError(InvalidModelException.class,
                withIndices(7, DataType.FLOAT32, dims(1, 1, 4, 4), "kernel_shape", ints(2, 2)), "MaxPool", "before opset 8");
        OnnxBuilder b = new OnnxBuilder("maxpool", 12);
        String x = b.input("x", DataType.FLOAT32, 1, 1, 4, 4);
        b.nodeWithOutputs("MaxPool", List.of(x), List.of("y", "indices", "extra"), "kernel_shape", ints(2, 2));
        b.output("y", DataType.FLOAT32);
        PoolTesting.assertError(InvalidModelException.class, b.toBytes(), "MaxPool", "at most 2 outputs");
    }

    @Test
    void rejectsBadShapes() {
        PoolTesting.assertError(InvalidModelException.class,
                PoolTesting.model("MaxPool", 12, dims(1, 1, 3, 3), "kernel_shape", ints(4, 4)), "MaxPool", "larger than the padded input");
        PoolTesting.assertError(InvalidModelException.class,
                PoolTesting.model("MaxPool", 12, dims(1, 1, 5, 5), "kernel_shape", ints(2)), "MaxPool", "kernel_shape");
        PoolTesting.assertError(InvalidModelException.class,
                PoolTesting.model("MaxPool", 12, dims(4, 5), "kernel_shape", ints(2)), "MaxPool", "rank");
        PoolTesting.assertError(InvalidModelException.class,
                PoolTesting.model("MaxPool", 12, dims(1, 1, 5, 5), "strides", ints(1, 1)), "MaxPool", "kernel_shape");
    }
}
