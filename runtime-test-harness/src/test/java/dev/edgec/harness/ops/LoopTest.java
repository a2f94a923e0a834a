package dev.edgec.harness.ops;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgec.cli.runtime.ChicoryRuntime;
import dev.edgec.core.CompileOptions;
import dev.edgec.core.CompileResult;
import dev.edgec.core.Compiler;
import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.core.ops.ConstantInputRequiredException;
import dev.edgec.harness.ModelCheck;
import dev.edgec.harness.Tolerance;
import dev.edgec.ir.DataType;
import dev.edgec.ir.LimitExceededException;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.UnsupportedModelException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Loop against ONNX Runtime: unrolled with a compile-time trip count, early exit on run-time data, errors. */
class LoopTest {
    /**
     * y = y * 0.5 + x[i] + k per iteration (k from the outer graph), the scan output stacks y, and a
     * second scan output is the iteration number: M iterations with no loop condition.
     */
    static byte[] accumulate(long trips, int opset) {
        OnnxBuilder b = new OnnxBuilder("loop", opset);
        String x = b.input("x", DataType.FLOAT32, 6, 2);
        String y0 = b.input("y0", DataType.FLOAT32, 2);
        String k = b.initializer("k", Tensor.ofFloats(Shape.of(2), 0.25f, -1f));
        String m = b.initializer("M", Tensor.ofLongs(DataType.INT64, Shape.scalar(), trips));
        OnnxBuilder body = b.subgraph("body");
        String i = body.input("i", DataType.INT64);
        String cond = body.input("cond_in", DataType.BOOL);
        String y = body.input("y", DataType.FLOAT32, 2);
        String row = body.node("Gather", List.of(x, i), "axis", 0L);
        String half = body.initializer("body_half", Tensor.ofFloats(Shape.scalar(), 0.5f));
        String next = body.node("Add", List.of(body.node("Add", List.of(body.node("Mul", List.of(y, half)), row)), k));
        body.output(body.node("Identity", List.of(cond)), DataType.BOOL);
        body.output(next, DataType.FLOAT32);
        body.output(body.node("Identity", List.of(next)), DataType.FLOAT32);
        body.output(body.node("Identity", List.of(i)), DataType.INT64);
        b.nodeWithOutputs("Loop", List.of(m, "", y0), List.of("y_final", "ys", "is"), "body", body);
        b.output("y_final", DataType.FLOAT32).output("ys", DataType.FLOAT32).output("is", DataType.INT64);
        return b.toBytes();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 6})
    void unrolledLoopMatchesOrt(long trips) {
        String why = ModelCheck.mismatchOnRandomInputs(accumulate(trips, 13), 7, Tolerance.ONNX_BACKEND);
        assertNull(why, why);
    }

    @Test
    void opset11Loop() {
        String why = ModelCheck.mismatchOnRandomInputs(accumulate(3, 11), 8, Tolerance.ONNX_BACKEND);
        assertNull(why, why);
    }

    @Test
    void unrolledNodesKeepRecognisableNames() {
        var g = new Compiler().compile(accumulate(3, 13), CompileOptions.defaults()).graph();
        assertTrue(g.nodes().stream().anyMatch(n -> n.name().startsWith("Loop_1/iter2/")), g.nodes().toString());
    }

    /**
     * While-loop: s = s * 2 + 1 as long as s < limit, limit a run-time input, at most 8 iterations:
     * the iterations run under the running condition and the result does not depend on compile-time data.
     */
    @ParameterizedTest
    @ValueSource(floats = {-5f, 0.5f, 3f, 20f, 1000f})
    void runTimeConditionEndsTheLoopEarly(float limit) {
        OnnxBuilder b = new OnnxBuilder("while", 13);
        String s0 = b.input("s0", DataType.FLOAT32, 3);
        String lim = b.input("limit", DataType.FLOAT32);
        String m = b.initializer("M", Tensor.ofLongs(DataType.INT64, Shape.scalar(), 8));
        String c0 = b.node("Less", List.of(b.node("ReduceMax", List.of(s0), "keepdims", 0L), lim));
        OnnxBuilder body = b.subgraph("body");
        body.input("i", DataType.INT64);
        body.input("cond_in", DataType.BOOL);
        String s = body.input("s", DataType.FLOAT32, 3);
        String two = body.initializer("body_two", Tensor.ofFloats(Shape.scalar(), 2f));
        String one = body.initializer("body_one", Tensor.ofFloats(Shape.scalar(), 1f));
        String next = body.node("Add", List.of(body.node("Mul", List.of(s, two)), one));
        body.output(body.node("Less", List.of(body.node("ReduceMax", List.of(next), "keepdims", 0L), lim)), DataType.BOOL);
        body.output(next, DataType.FLOAT32);
        b.nodeWithOutputs("Loop", List.of(m, c0, s0), List.of("s_final"), "body", body);
        b.output("s_final", DataType.FLOAT32);
        Map<String, Tensor> in = new LinkedHashMap<>();
        in.put("s0", Tensor.ofFloats(Shape.of(3), 0.5f, -1f, 0.25f));
        in.put("limit", Tensor.ofFloats(Shape.scalar(), limit));
        byte[] model = b.toBytes();
        for (int level : new int[] {0, 1}) {
            CompileResult compiled = new Compiler().compile(model, CompileOptions.defaults().withOptimizationLevel(level));
            String why = ModelCheck.mismatch(model, compiled, in, Tolerance.ONNX_BACKEND, new ChicoryRuntime());
            assertNull(why, "-O" + level + ": " + why);
        }
    }

    /** A trip count given at run time must be frozen; frozen, the loop compiles and matches ONNX Runtime. */
    @Test
    void runTimeTripCountMustBeFrozen() {
        OnnxBuilder b = new OnnxBuilder("loop_m", 13);
        String m = b.input("M", DataType.INT64);
        String y0 = b.input("y0", DataType.FLOAT32, 2);
        OnnxBuilder body = b.subgraph("body");
        body.input("i", DataType.INT64);
        String cond = body.input("cond_in", DataType.BOOL);
        String y = body.input("y", DataType.FLOAT32, 2);
        body.output(body.node("Identity", List.of(cond)), DataType.BOOL);
        body.output(body.node("Sin", List.of(y)), DataType.FLOAT32);
        b.nodeWithOutputs("Loop", List.of(m, "", y0), List.of("y_final"), "body", body);
        b.output("y_final", DataType.FLOAT32);
        byte[] model = b.toBytes();
        ConstantInputRequiredException e = assertThrows(ConstantInputRequiredException.class,
                () -> new Compiler().compile(model, CompileOptions.defaults()));
        assertTrue(e.getMessage().contains("Loop 'Loop_1'") && e.getMessage().contains("trip count"), e.getMessage());
        Tensor four = Tensor.ofLongs(DataType.INT64, Shape.scalar(), 4);
        CompileResult compiled = new Compiler().compile(model, CompileOptions.defaults().withFrozenInputs(Map.of("M", four)));
        Map<String, Tensor> in = new LinkedHashMap<>();
        in.put("M", four);
        in.put("y0", OpCheck.random(DataType.FLOAT32, new int[]{2}, new Random(1), -2, 2));
        String why = ModelCheck.mismatch(model, compiled, in, Tolerance.ONNX_BACKEND, new ChicoryRuntime());
        assertNull(why, why);
    }

    /** A body condition computed from data makes the scan output's length data-dependent. */
    @Test
    void dataDependentConditionWithScanOutputsIsRejected() {
        OnnxBuilder b = new OnnxBuilder("loop_dd", 13);
        String x = b.input("x", DataType.FLOAT32);
        String m = b.initializer("M", Tensor.ofLongs(DataType.INT64, Shape.scalar(), 4));
        OnnxBuilder body = b.subgraph("body");
        body.input("i", DataType.INT64);
        body.input("cond_in", DataType.BOOL);
        String y = body.input("y", DataType.FLOAT32);
        String next = body.node("Add", List.of(y, y));
        body.output(body.node("Less", List.of(next, x)), DataType.BOOL);
        body.output(next, DataType.FLOAT32);
        body.output(body.node("Identity", List.of(next)), DataType.FLOAT32);
        b.nodeWithOutputs("Loop", List.of(m, "", x), List.of("y_final", "ys"), "body", body);
        b.output("y_final", DataType.FLOAT32).output("ys", DataType.FLOAT32);
        OpCheck.assertRejected(b.toBytes(), UnsupportedModelException.class, "Loop 'Loop_1'", "data-dependent-shape");
    }

    @Test
    void tooManyIterationsIsALimitError() {
        OpCheck.assertRejected(accumulate(1_000_000, 13), LimitExceededException.class, "Loop 'Loop_1'", "limit");
    }

    /** A Loop inside a Loop body, the inner one reading the outer iteration's value. */
    @Test
    void nestedLoops() {
        OnnxBuilder b = new OnnxBuilder("nested", 13);
        String y0 = b.input("y0", DataType.FLOAT32, 3);
        String outerM = b.initializer("M", Tensor.ofLongs(DataType.INT64, Shape.scalar(), 3));
        OnnxBuilder outer = b.subgraph("outer");
        outer.input("i", DataType.INT64);
        String oc = outer.input("oc", DataType.BOOL);
        String y = outer.input("y", DataType.FLOAT32, 3);
        String innerM = outer.initializer("outer_M", Tensor.ofLongs(DataType.INT64, Shape.scalar(), 2));
        OnnxBuilder inner = outer.subgraph("inner");
        inner.input("j", DataType.INT64);
        String ic = inner.input("ic", DataType.BOOL);
        String z = inner.input("z", DataType.FLOAT32, 3);
        inner.output(inner.node("Identity", List.of(ic)), DataType.BOOL);
        inner.output(inner.node("Add", List.of(inner.node("Cos", List.of(z)), y)), DataType.FLOAT32);
        outer.nodeWithOutputs("Loop", List.of(innerM, "", y), List.of("outer_z_final"), "body", inner);
        outer.output(outer.node("Identity", List.of(oc)), DataType.BOOL);
        outer.output("outer_z_final", DataType.FLOAT32);
        b.nodeWithOutputs("Loop", List.of(outerM, "", y0), List.of("y_final"), "body", outer);
        b.output("y_final", DataType.FLOAT32);
        String why = ModelCheck.mismatchOnRandomInputs(b.toBytes(), 11, Tolerance.ONNX_BACKEND);
        assertNull(why, why);
    }
}
