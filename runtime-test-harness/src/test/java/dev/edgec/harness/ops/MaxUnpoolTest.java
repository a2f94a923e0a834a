package dev.edgec.harness.ops;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgec.core.CompileOptions;
import dev.edgec.core.Compiler;
import dev.edgec.core.ops.ConstantInputRequiredException;
import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.ir.DataType;
import dev.edgec.ir.InvalidModelException;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * MaxUnpool against ONNX Runtime: 1-D, 2-D and 3-D inputs, strides, pads, opsets 9 and 11, with and
 * without a constant output_shape; indices are distinct random positions of the whole output. An index
 * outside the output fails the run; a non-constant output_shape and bad attributes are compile errors.
 */
class MaxUnpoolTest {
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(new int[]{1, 1, 2, 2}, new Object[]{"kernel_shape", new long[]{2, 2}, "strides", new long[]{2, 2}}, null),
                Arguments.of(new int[]{2, 3, 3, 3}, new Object[]{"kernel_shape", new long[]{3, 3}, "strides", new long[]{2, 2},
                        "pads", new long[]{1, 1, 1, 1}}, null),
                Arguments.of(new int[]{1, 2, 3, 2}, new Object[]{"kernel_shape", new long[]{2, 3}, "strides", new long[]{1, 2},
                        "pads", new long[]{0, 1, 1, 0}}, null),
                Arguments.of(new int[]{1, 2, 4}, new Object[]{"kernel_shape", new long[]{2}, "strides", new long[]{2}}, null),
                Arguments.of(new int[]{1, 1, 2, 2, 2}, new Object[]{"kernel_shape", new long[]{2, 2, 2}, "strides",
                        new long[]{2, 2, 2}}, null),
                Arguments.of(new int[]{1, 1, 2, 2}, new Object[]{"kernel_shape", new long[]{2, 2}, "strides", new long[]{2, 2}},
                        new long[]{1, 1, 5, 5}),
                Arguments.of(new int[]{2, 2, 3, 2}, new Object[]{"kernel_shape", new long[]{2, 2}}, new long[]{2, 2, 6, 4}));
    }

    static byte[] model(int opset, int[] x, Object[] attributes, long[] outputShape, boolean shapeAsInput) {
        OnnxBuilder b = new OnnxBuilder("maxunpool", opset);
        List<String> ins = new ArrayList<>();
        ins.add(b.input("x", DataType.FLOAT32, OpCheck.longs(x)));
        ins.add(b.input("i", DataType.INT64, OpCheck.longs(x)));
        if (outputShape != null) {
            ins.add(shapeAsInput ? b.input("shape", DataType.INT64, outputShape.length)
                    : b.initializer("shape", OpCheck.int64s(outputShape)));
        }
        b.output(b.node("MaxUnpool", ins, attributes), DataType.FLOAT32);
        return b.toBytes();
    }

    /** X random; I distinct random flat positions in [0, outputs). */
    static Map<String, Tensor> inputs(int[] x, int outputs, long seed) {
        Random rnd = new Random(seed);
        Shape s = Shape.of(x);
        List<Long> all = new ArrayList<>();
        for (long i = 0; i < outputs; i++) {
            all.add(i);
        }
        Collections.shuffle(all, rnd);
        long[] idx = new long[s.elementCount()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = all.get(i);
        }
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("x", OpCheck.random(DataType.FLOAT32, x, rnd, -5, 5));
        m.put("i", Tensor.ofLongs(DataType.INT64, s, idx));
        return m;
    }

    static int outputCount(int[] x, Object[] attributes, long[] outputShape) {
        if (outputShape != null) {
            return (int) Shape.of(toInts(outputShape)).elementCount();
        }
        Map<String, long[]> a = new LinkedHashMap<>();
        for (int i = 0; i < attributes.length; i += 2) {
            a.put((String) attributes[i], (long[]) attributes[i + 1]);
        }
        int spatial = x.length - 2;
        long[] kernel = a.get("kernel_shape");
        long[] strides = a.getOrDefault("strides", filled(spatial, 1));
        long[] pads = a.getOrDefault("pads", new long[2 * spatial]);
        int n = x[0] * x[1];
        for (int i = 0; i < spatial; i++) {
            n *= (int) ((x[i + 2] - 1) * strides[i] + kernel[i] - pads[i] - pads[i + spatial]);
        }
        return n;
    }

    private static long[] filled(int n, long v) {
        long[] a = new long[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    private static int[] toInts(long[] l) {
        int[] d = new int[l.length];
        for (int i = 0; i < l.length; i++) {
            d[i] = (int) l[i];
        }
        return d;
    }

    @ParameterizedTest(name = "x {0} output_shape {2}")
    @MethodSource("cases")
    void matchesOnnxRuntime(int[] x, Object[] attributes, long[] outputShape) {
        int outputs = outputCount(x, attributes, outputShape);
        for (int opset : new int[]{9, 11}) {
            OpCheck.assertMatchesOrt(model(opset, x, attributes, outputShape, false), inputs(x, outputs, opset),
                    DataType.FLOAT32);
        }
    }

    @Test
    void matchesOnnxRuntimeInWasmtime() {
        int[] x = {2, 3, 3, 3};
        Object[] attrs = {"kernel_shape", new long[]{3, 3}, "strides", new long[]{2, 2}, "pads", new long[]{1, 1, 1, 1}};
        String why = dev.edgec.harness.ModelCheck.mismatch(model(11, x, attrs, null, false), inputs(x, 2 * 3 * 25, 3),
                dev.edgec.harness.Tolerance.EXACT, new dev.edgec.harness.WasmtimeRuntime());
        org.junit.jupiter.api.Assertions.assertNull(why, why);
    }

    @Test
    void outOfRangeIndexFailsTheRun() {
        int[] x = {1, 1, 2, 2};
        Object[] attrs = {"kernel_shape", new long[]{2, 2}, "strides", new long[]{2, 2}};
        for (long bad : new long[]{16, -1, Long.MAX_VALUE, Long.MIN_VALUE}) {
            Map<String, Tensor> in = inputs(x, 16, 1);
            in.put("i", Tensor.ofLongs(DataType.INT64, Shape.of(x), 0, 5, bad, 3));
            IndexCheck.assertIndexError(model(11, x, attrs, null, false), in);
        }
        // output_shape bounds the indices, not the computed shape
        Map<String, Tensor> in = inputs(x, 16, 2);
        in.put("i", Tensor.ofLongs(DataType.INT64, Shape.of(x), 0, 5, 9, 25));
        IndexCheck.assertIndexError(model(11, x, attrs, new long[]{1, 1, 5, 5}, false), in);
    }

    @Test
    void outputShapeMustBeConstant() {
        byte[] m = model(11, new int[]{1, 1, 2, 2}, new Object[]{"kernel_shape", new long[]{2, 2}}, new long[]{1, 1, 3, 3}, true);
        ConstantInputRequiredException e = assertThrows(ConstantInputRequiredException.class,
                () -> new Compiler().compile(m, CompileOptions.defaults()));
        assertTrue(e.getMessage().contains("MaxUnpool") && e.getMessage().contains("output_shape"), e.getMessage());
    }

    @Test
    void rejectsBadAttributesAndShapes() {
        int[] x = {1, 1, 2, 2};
        OpCheck.assertRejected(model(11, x, new Object[]{"strides", new long[]{2, 2}}, null, false),
                InvalidModelException.class, "MaxUnpool", "kernel_shape");
        OpCheck.assertRejected(model(11, x, new Object[]{"kernel_shape", new long[]{2}}, null, false),
                InvalidModelException.class, "MaxUnpool", "must have 2, 2 and 4 values");
        OpCheck.assertRejected(model(11, x, new Object[]{"kernel_shape", new long[]{2, 2}, "strides", new long[]{0, 1}}, null,
                false), InvalidModelException.class, "MaxUnpool", "must be positive");
        OpCheck.assertRejected(model(11, x, new Object[]{"kernel_shape", new long[]{2, 2}}, new long[]{1, 1, 4}, false),
                InvalidModelException.class, "MaxUnpool", "output_shape must hold 4 values");
        OpCheck.assertRejected(model(11, x, new Object[]{"kernel_shape", new long[]{1, 1}, "pads", new long[]{1, 1, 1, 1}},
                null, false), InvalidModelException.class, "MaxUnpool", "empty dimension");
        OpCheck.assertRejected(model(11, new int[]{1, 4}, new Object[]{"kernel_shape", new long[]{}}, null, false),
                InvalidModelException.class, "MaxUnpool", "rank 3 or more");
    }
}
