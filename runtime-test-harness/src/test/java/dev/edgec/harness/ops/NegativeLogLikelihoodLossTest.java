package dev.edgec.harness.ops;

import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.ir.DataType;
import dev.edgec.ir.InvalidModelException;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
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

class NegativeLogLikelihoodLossTest {
    static final List<String> REDUCTIONS = List.of("none", "sum", "mean");

    /** Input shape, whether a weight is given, ignore_index (null: none). */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(new int[]{3, 5}, false, null),
                Arguments.of(new int[]{3, 5}, true, 2L),
                Arguments.of(new int[]{4, 3, 2}, true, null),
                Arguments.of(new int[]{4, 3, 2}, false, -1L),
                Arguments.of(new int[]{2, 4, 3, 2}, true, -7L),
                Arguments.of(new int[]{2, 3, 2, 1, 3}, false, 0L),
                Arguments.of(new int[]{1, 1}, true, null));
    }

    /**
     * A one-node model of loss operator {@code op}: input x, target t, optional weight w; outputs the
     * loss and, when {@code logProb}, SoftmaxCrossEntropyLoss's log_prob.
     */
    static byte[] model(String op, int opset, DataType type, DataType targetType, int[] dims, boolean weighted,
                        String reduction, Long ignoreIndex, boolean logProb) {
        OnnxBuilder b = new OnnxBuilder("loss", opset);
        List<String> in = new ArrayList<>();
        in.add(b.input("x", type, OpCheck.longs(dims)));
        in.add(b.input("t", targetType, OpCheck.longs(targetDims(dims))));
        if (weighted) {
            in.add(b.input("w", type, dims[1]));
        }
        List<Object> attrs = new ArrayList<>(List.of("reduction", reduction));
        if (ignoreIndex != null) {
            attrs.add("ignore_index");
            attrs.add(ignoreIndex);
        }
        List<String> outs = logProb ? List.of("loss", "log_prob") : List.of("loss");
        b.nodeWithOutputs(op, in, outs, attrs.toArray());
        for (String o : outs) {
            b.output(o, type);
        }
        return b.toBytes();
    }

    static int[] targetDims(int[] dims) {
        int[] t = new int[dims.length - 1];
        t[0] = dims[0];
        System.arraycopy(dims, 2, t, 1, dims.length - 2);
        return t;
    }

    /**
     * Random inputs: x in [lo, hi), classes in [0, C) with about a quarter set to {@code ignoreIndex}
     * (the first never, so that a mean has a non-zero denominator), weights in [0.25, 2).
     */
    static Map<String, Tensor> inputs(DataType type, DataType targetType, int[] dims, boolean weighted, Long ignoreIndex,
                                      double lo, double hi, long seed) {
        Random rnd = new Random(seed);
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("x", OpCheck.random(type, dims, rnd, lo, hi));
        Shape ts = Shape.of(targetDims(dims));
        long[] t = new long[ts.elementCount()];
        for (int i = 0; i < t.length; i++) {
            t[i] = ignoreIndex != null && i > 0 && rnd.nextInt(4) == 0 ? ignoreIndex : rnd.nextInt(dims[1]);
        }
        m.put("t", Tensor.ofLongs(targetType, ts, t));
        if (weighted) {
            m.put("w", OpCheck.random(type, new int[]{dims[1]}, rnd, 0.25, 2));
        }
        return m;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesOrt(int[] dims, boolean weighted, Long ignoreIndex) {
        for (String reduction : REDUCTIONS) {
            for (int opset : new int[]{12, 13}) {
                OpCheck.assertMatchesOrt(
                        model("NegativeLogLikelihoodLoss", opset, DataType.FLOAT32, DataType.INT64, dims, weighted, reduction,
                                ignoreIndex, false),
                        inputs(DataType.FLOAT32, DataType.INT64, dims, weighted, ignoreIndex, -4, 0, opset), DataType.FLOAT32);
            }
        }
    }

    @Test
    void float64AndInt32Targets() {
        int[] dims = {3, 4, 5};
        for (String reduction : REDUCTIONS) {
            OpCheck.assertMatchesOrt(
                    model("NegativeLogLikelihoodLoss", 13, DataType.FLOAT64, DataType.INT64, dims, true, reduction, 1L, false),
                    inputs(DataType.FLOAT64, DataType.INT64, dims, true, 1L, -4, 0, 3), DataType.FLOAT64);
            OpCheck.assertMatchesOrt(
                    model("NegativeLogLikelihoodLoss", 13, DataType.FLOAT32, DataType.INT32, dims, true, reduction, -2L, false),
                    inputs(DataType.FLOAT32, DataType.INT32, dims, true, -2L, -4, 0, 4), DataType.FLOAT32);
        }
    }

    @Test
    void outOfRangeTargetFailsTheRun() {
        assertTargetError("NegativeLogLikelihoodLoss", DataType.INT64, 3, null);
        assertTargetError("NegativeLogLikelihoodLoss", DataType.INT64, -1, null);
        assertTargetError("NegativeLogLikelihoodLoss", DataType.INT32, 4, 3L);
        assertTargetError("NegativeLogLikelihoodLoss", DataType.INT32, -5, -4L);
    }

    /** A [2, 3] model whose second target is {@code bad} returns INDEX_OUT_OF_RANGE. */
    static void assertTargetError(String op, DataType targetType, long bad, Long ignoreIndex) {
        int[] dims = {2, 3};
        Map<String, Tensor> in = inputs(DataType.FLOAT32, targetType, dims, true, null, -2, 0, 9);
        in.put("t", Tensor.ofLongs(targetType, Shape.of(2), 1, bad));
        IndexCheck.assertIndexError(model(op, 13, DataType.FLOAT32, targetType, dims, true, "mean", ignoreIndex, false), in);
    }

    @Test
    void meanOfOnlyIgnoredTargetsIsNaNAsInOrt() {
        assertAllIgnoredMatchesOrt("NegativeLogLikelihoodLoss");
    }

    /** With every target ignored a mean divides 0 by 0: ONNX Runtime gives NaN, and so must we. */
    static void assertAllIgnoredMatchesOrt(String op) {
        int[] dims = {2, 3};
        Map<String, Tensor> in = inputs(DataType.FLOAT32, DataType.INT64, dims, false, null, -2, 0, 9);
        in.put("t", Tensor.ofLongs(DataType.INT64, Shape.of(2), 1, 1));
        OpCheck.assertMatchesOrt(model(op, 13, DataType.FLOAT32, DataType.INT64, dims, false, "mean", 1L, false), in,
                DataType.FLOAT32);
    }

    @Test
    void rejectsBadAttributesAndShapes() {
        assertRejected("NegativeLogLikelihoodLoss");
    }

    /** The error paths both loss operators share. */
    static void assertRejected(String op) {
        OpCheck.assertRejected(model(op, 13, DataType.FLOAT32, DataType.INT64, new int[]{2, 3}, false, "max", null, false),
                InvalidModelException.class, op, "reduction");
        OnnxBuilder r = new OnnxBuilder("loss", 13);
        String rx = r.input("x", DataType.FLOAT32, 4);
        String rt = r.input("t", DataType.INT64, 4);
        r.output(r.node(op, List.of(rx, rt)), DataType.FLOAT32);
        OpCheck.assertRejected(r.toBytes(), InvalidModelException.class, op, "input must have shape");
        OnnxBuilder b = new OnnxBuilder("loss", 13);
        String x = b.input("x", DataType.FLOAT32, 2, 3, 4);
        String t = b.input("t", DataType.INT64, 2, 3);
        b.output(b.node(op, List.of(x, t)), DataType.FLOAT32);
        OpCheck.assertRejected(b.toBytes(), InvalidModelException.class, op, "target shape");
        OnnxBuilder w = new OnnxBuilder("loss", 13);
        String wx = w.input("x", DataType.FLOAT32, 2, 3);
        String wt = w.input("t", DataType.INT64, 2);
        String ww = w.input("w", DataType.FLOAT32, 2);
        w.output(w.node(op, List.of(wx, wt, ww)), DataType.FLOAT32);
        OpCheck.assertRejected(w.toBytes(), InvalidModelException.class, op, "weight must be");
    }
}
