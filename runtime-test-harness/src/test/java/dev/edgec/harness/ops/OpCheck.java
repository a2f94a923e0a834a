package dev.edgec.harness.ops;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgec.core.CompileOptions;
import dev.edgec.core.Compiler;
import dev.edgec.ir.DataType;
import dev.edgec.ir.EdgecException;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.harness.ModelCheck;
import dev.edgec.harness.Tolerance;
import dev.edgec.cli.runtime.ChicoryRuntime;
import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.harness.RandomTensors;
import dev.edgec.ir.TensorType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Shared helpers of the per-operator tests: one-node models checked against ONNX Runtime. */
final class OpCheck {
    /** Element types every data-movement operator must handle (uint16 is left out: ONNX Runtime Java cannot take it). */
    static final List<DataType> MOVE_TYPES = List.of(DataType.FLOAT32, DataType.FLOAT64, DataType.INT8, DataType.UINT8,
            DataType.INT16, DataType.INT32, DataType.INT64, DataType.BOOL);

    /** Input shape pairs for binary operators: equal, trailing, two-way and scalar broadcasting. */
    static final List<int[][]> BROADCAST_SHAPES = List.of(
            new int[][]{{2, 3}, {2, 3}},
            new int[][]{{2, 3, 4}, {4}},
            new int[][]{{4}, {2, 3, 4}},
            new int[][]{{1, 3, 1}, {2, 1, 5}},
            new int[][]{{}, {3, 2}},
            new int[][]{{3, 1}, {}},
            new int[][]{{}, {}},
            new int[][]{{2, 1, 4, 1}, {3, 1, 5}},
            new int[][]{{2, 3, 1}, {1, 3, 17}});

    private OpCheck() {
    }

    /** A one-node model with inputs x0, x1, ... of the given types and shapes and one output. */
    static byte[] model(String op, int opset, List<DataType> types, List<int[]> shapes, DataType outType, Object... attrs) {
        OnnxBuilder b = new OnnxBuilder(op.toLowerCase(), opset);
        List<String> ins = new ArrayList<>();
        for (int i = 0; i < shapes.size(); i++) {
            ins.add(b.input("x" + i, types.get(i), longs(shapes.get(i))));
        }
        b.output(b.node(op, ins, attrs), outType);
        return b.toBytes();
    }

    static byte[] unary(String op, int opset, DataType t, int[] dims, Object... attrs) {
        return model(op, opset, List.of(t), List.<int[]>of(dims), t, attrs);
    }

    static byte[] binary(String op, int opset, DataType t, DataType outType, int[] a, int[] b, Object... attrs) {
        return model(op, opset, List.of(t, t), List.of(a, b), outType, attrs);
    }

    /** Random values: floats uniform in [lo, hi), integers and bools as {@link RandomTensors#of}. */
    static Tensor random(DataType t, int[] dims, Random rnd, double lo, double hi) {
        TensorType type = new TensorType(t, Shape.of(dims));
        return t.isFloating() ? RandomTensors.uniform(type, rnd, lo, hi) : RandomTensors.of(type, rnd);
    }

    /** Inputs x0, x1, ... with random values in [lo, hi) for floats. */
    static Map<String, Tensor> randomInputs(List<DataType> types, List<int[]> shapes, long seed, double lo, double hi) {
        Random rnd = new Random(seed);
        Map<String, Tensor> m = new LinkedHashMap<>();
        for (int i = 0; i < shapes.size(); i++) {
            m.put("x" + i, random(types.get(i), shapes.get(i), rnd, lo, hi));
        }
        return m;
    }

    /** Inputs x0, x1, ... holding small whole numbers in [-3, 3] (bools 0/1), so comparisons see ties. */
    static Map<String, Tensor> smallIntegerInputs(List<DataType> types, List<int[]> shapes, long seed) {
        Random rnd = new Random(seed);
        Map<String, Tensor> m = new LinkedHashMap<>();
        for (int i = 0; i < shapes.size(); i++) {
            DataType t = types.get(i);
            Shape s = Shape.of(shapes.get(i));
            double[] v = new double[s.elementCount()];
            long[] l = new long[v.length];
            for (int j = 0; j < v.length; j++) {
                l[j] = t == DataType.BOOL ? rnd.nextInt(2) : t.isSigned() ? rnd.nextInt(7) - 3 : rnd.nextInt(4);
                v[j] = l[j];
            }
            m.put("x" + i, t.isFloating() ? Tensor.ofDoubles(t, s, v) : Tensor.ofLongs(t, s, l));
        }
        return m;
    }

    static void assertMatchesOrt(byte[] model, Map<String, Tensor> inputs, DataType outputType) {
        String why = ModelCheck.mismatch(model, inputs, toleranceFor(outputType), new ChicoryRuntime());
        assertNull(why, why);
    }

    static Tolerance toleranceFor(DataType t) {
        return t.isFloating() ? Tolerance.ONNX_BACKEND : Tolerance.EXACT;
    }

    /** Compiles, validates and runs {@code model} on seeded random inputs and asserts it matches ONNX Runtime. */
    static void assertMatchesOrt(byte[] model, DataType outputType) {
        String why = ModelCheck.mismatchOnRandomInputs(model, 42, toleranceFor(outputType));
        assertNull(why, why);
    }

    /** Asserts that compiling {@code model} fails with an error of {@code kind} naming the node and saying {@code fragment}. */
    static void assertRejected(byte[] model, Class<? extends EdgecException> kind, String nodeName, String fragment) {
        EdgecException e = assertThrows(kind, () -> new Compiler().compile(model, CompileOptions.defaults()));
        assertTrue(e.getMessage().contains(nodeName), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    static Tensor int64s(long... values) {
        return Tensor.ofLongs(DataType.INT64, Shape.of(values.length), values);
    }

    static long[] longs(int... dims) {
        long[] l = new long[dims.length];
        for (int i = 0; i < dims.length; i++) {
            l[i] = dims[i];
        }
        return l;
    }
}
