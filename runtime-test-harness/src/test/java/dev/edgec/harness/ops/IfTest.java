package dev.edgec.harness.ops;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgec.core.CompileOptions;
import dev.edgec.core.Compiler;
import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.harness.ModelCheck;
import dev.edgec.harness.Tolerance;
import dev.edgec.harness.WasmtimeRuntime;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.UnsupportedModelException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** If against ONNX Runtime: run-time and constant conditions, branches reading outer values, nesting. */
class IfTest {
    static Stream<Arguments> shapesAndConditions() {
        return Stream.of(new int[]{5}, new int[]{2, 3}, new int[]{}, new int[]{1, 4, 2})
                .flatMap(s -> Stream.of(Arguments.of(s, true), Arguments.of(s, false)));
    }

    /** then: x + 1.5 then Relu; else: x * x; both read the outer x. */
    @ParameterizedTest
    @MethodSource("shapesAndConditions")
    void runTimeConditionSelectsTheTakenBranch(int[] shape, boolean cond) {
        OnnxBuilder b = new OnnxBuilder("if", 13);
        String x = b.input("x", DataType.FLOAT32, OpCheck.longs(shape));
        String c = b.input("c", DataType.BOOL);
        OnnxBuilder then = b.subgraph("then");
        String one = then.initializer("then_k", Tensor.ofFloats(Shape.scalar(), 1.5f));
        then.output(then.node("Relu", List.of(then.node("Add", List.of(x, one)))), DataType.FLOAT32);
        OnnxBuilder otherwise = b.subgraph("else");
        otherwise.output(otherwise.node("Mul", List.of(x, x)), DataType.FLOAT32);
        b.output(b.node("If", List.of(c), "then_branch", then, "else_branch", otherwise), DataType.FLOAT32);
        Map<String, Tensor> in = new LinkedHashMap<>();
        in.put("x", OpCheck.random(DataType.FLOAT32, shape, new Random(3), -3, 3));
        in.put("c", bool(cond));
        OpCheck.assertMatchesOrt(b.toBytes(), in, DataType.FLOAT32);
    }

    /**
     * The else branch gathers at a run-time index that is out of range. ONNX Runtime never runs it
     * when cond is true, and neither may the module: its run() must not report the index error.
     */
    @ParameterizedTest
    @MethodSource("conditionsAndIndices")
    void untakenBranchDoesNotRunOrReportErrors(boolean cond, long index) {
        OnnxBuilder b = new OnnxBuilder("if_guard", 13);
        String x = b.input("x", DataType.FLOAT32, 4, 3);
        String i = b.input("i", DataType.INT64, 1);
        String c = b.input("c", DataType.BOOL, 1);
        OnnxBuilder then = b.subgraph("then");
        then.output(then.node("Slice", List.of(x, then.initializer("then_s", OpCheck.int64s(0)),
                then.initializer("then_e", OpCheck.int64s(1)))), DataType.FLOAT32);
        OnnxBuilder otherwise = b.subgraph("else");
        otherwise.output(otherwise.node("Gather", List.of(x, i), "axis", 0L), DataType.FLOAT32);
        b.output(b.node("If", List.of(c), "then_branch", then, "else_branch", otherwise), DataType.FLOAT32);
        Map<String, Tensor> in = new LinkedHashMap<>();
        in.put("x", OpCheck.random(DataType.FLOAT32, new int[]{4, 3}, new Random(5), -3, 3));
        in.put("i", OpCheck.int64s(index));
        in.put("c", Tensor.ofLongs(DataType.BOOL, Shape.of(1), cond ? 1 : 0));
        OpCheck.assertMatchesOrt(b.toBytes(), in, DataType.FLOAT32);
        // and in a compiling runtime: the guard is a plain MVP if around the kernel call
        String why = ModelCheck.mismatch(b.toBytes(), in, Tolerance.ONNX_BACKEND, new WasmtimeRuntime());
        assertNull(why, why);
    }

    static Stream<Arguments> conditionsAndIndices() {
        return Stream.of(Arguments.of(true, 7), Arguments.of(true, -9), Arguments.of(false, 2), Arguments.of(false, -1));
    }

    /** An If inside the then branch of another, on a second run-time condition. */
    @ParameterizedTest
    @MethodSource("twoConditions")
    void nestedIfs(boolean outer, boolean inner) {
        OnnxBuilder b = new OnnxBuilder("if_nested", 13);
        String x = b.input("x", DataType.FLOAT32, 2, 3);
        String c1 = b.input("c1", DataType.BOOL);
        String c2 = b.input("c2", DataType.BOOL);
        OnnxBuilder innerThen = b.subgraph("in_then");
        innerThen.output(innerThen.node("Neg", List.of(x)), DataType.FLOAT32);
        OnnxBuilder innerElse = b.subgraph("in_else");
        innerElse.output(innerElse.node("Abs", List.of(x)), DataType.FLOAT32);
        OnnxBuilder then = b.subgraph("then");
        String y = then.node("If", List.of(c2), "then_branch", innerThen, "else_branch", innerElse);
        then.output(then.node("Add", List.of(y, x)), DataType.FLOAT32);
        OnnxBuilder otherwise = b.subgraph("else");
        otherwise.output(otherwise.node("Sigmoid", List.of(x)), DataType.FLOAT32);
        b.output(b.node("If", List.of(c1), "then_branch", then, "else_branch", otherwise), DataType.FLOAT32);
        Map<String, Tensor> in = new LinkedHashMap<>();
        in.put("x", OpCheck.random(DataType.FLOAT32, new int[]{2, 3}, new Random(9), -3, 3));
        in.put("c1", bool(outer));
        in.put("c2", bool(inner));
        OpCheck.assertMatchesOrt(b.toBytes(), in, DataType.FLOAT32);
    }

    static Stream<Arguments> twoConditions() {
        return Stream.of(Arguments.of(true, true), Arguments.of(true, false), Arguments.of(false, true),
                Arguments.of(false, false));
    }

    /**
     * The optimizer renames values (Identity removed, two equal Less nodes merged by CSE); the guards of
     * the branch nodes read those values and must follow the renaming.
     */
    @ParameterizedTest
    @MethodSource("twoConditions")
    void guardsFollowValuesTheOptimizerRenames(boolean first, boolean unused) {
        OnnxBuilder b = new OnnxBuilder("if_renamed", 13);
        String x = b.input("x", DataType.FLOAT32, 3);
        String lo = b.input("lo", DataType.FLOAT32);
        String hi = b.input("hi", DataType.FLOAT32);
        String c1 = b.node("Identity", List.of(b.node("Less", List.of(lo, hi))));
        String c2 = b.node("Less", List.of(lo, hi));
        OnnxBuilder then1 = b.subgraph("then1");
        then1.output(then1.node("Exp", List.of(x)), DataType.FLOAT32);
        OnnxBuilder else1 = b.subgraph("else1");
        else1.output(else1.node("Neg", List.of(x)), DataType.FLOAT32);
        String y1 = b.node("If", List.of(c1), "then_branch", then1, "else_branch", else1);
        OnnxBuilder then2 = b.subgraph("then2");
        then2.output(then2.node("Cos", List.of(x)), DataType.FLOAT32);
        OnnxBuilder else2 = b.subgraph("else2");
        else2.output(else2.node("Abs", List.of(x)), DataType.FLOAT32);
        String y2 = b.node("If", List.of(c2), "then_branch", then2, "else_branch", else2);
        b.output(b.node("Add", List.of(y1, y2)), DataType.FLOAT32);
        Map<String, Tensor> in = new LinkedHashMap<>();
        in.put("x", OpCheck.random(DataType.FLOAT32, new int[]{3}, new Random(2), -2, 2));
        in.put("lo", Tensor.ofFloats(Shape.scalar(), first ? 0f : 1f));
        in.put("hi", Tensor.ofFloats(Shape.scalar(), 0.5f));
        OpCheck.assertMatchesOrt(b.toBytes(), in, DataType.FLOAT32);
    }

    /** A condition known at compile time inlines only the taken branch. */
    @Test
    void constantConditionInlinesOnlyTheTakenBranch() {
        OnnxBuilder b = new OnnxBuilder("if_const", 13);
        String x = b.input("x", DataType.FLOAT32, 3, 2);
        String c = b.initializer("c", bool(false));
        OnnxBuilder then = b.subgraph("then");
        then.output(then.node("Exp", List.of(x)), DataType.FLOAT32);
        OnnxBuilder otherwise = b.subgraph("else");
        otherwise.output(otherwise.node("Tanh", List.of(x)), DataType.FLOAT32);
        b.output(b.node("If", List.of(c), "then_branch", then, "else_branch", otherwise), DataType.FLOAT32);
        byte[] model = b.toBytes();
        var g = new Compiler().compile(model, CompileOptions.defaults()).graph();
        assertTrue(g.nodes().stream().anyMatch(n -> n.opType().equals("Tanh") && n.name().startsWith("If_1/else/")), g.nodes().toString());
        assertFalse(g.nodes().stream().anyMatch(n -> n.opType().equals("Exp")), g.nodes().toString());
        OpCheck.assertMatchesOrt(model, DataType.FLOAT32);
    }

    /** The If comes before the node computing the outer value its branch reads: import orders it after. */
    @Test
    void branchReadsAnOuterValueProducedLaterInTheFile() {
        OnnxBuilder b = new OnnxBuilder("if_order", 13);
        String x = b.input("x", DataType.FLOAT32, 4);
        String c = b.input("c", DataType.BOOL);
        OnnxBuilder then = b.subgraph("then");
        then.output(then.node("Exp", List.of("late")), DataType.FLOAT32);
        OnnxBuilder otherwise = b.subgraph("else");
        otherwise.output(otherwise.node("Abs", List.of("late")), DataType.FLOAT32);
        b.output(b.node("If", List.of(c), "then_branch", then, "else_branch", otherwise), DataType.FLOAT32);
        b.nodeWithOutputs("Neg", List.of(x), List.of("late"));
        Map<String, Tensor> in = new LinkedHashMap<>();
        in.put("x", OpCheck.random(DataType.FLOAT32, new int[]{4}, new Random(4), -2, 2));
        in.put("c", bool(true));
        OpCheck.assertMatchesOrt(b.toBytes(), in, DataType.FLOAT32);
    }

    @Test
    void branchReadingAnUndefinedValueIsNamed() {
        OpCheck.assertRejected(unaryBranches("Relu", "Relu", "nowhere", 2),
                dev.edgec.ir.InvalidModelException.class, "If 'If_1'", "'nowhere'");
    }

    @Test
    void branchesOfDifferentShapesNeedAConstantCondition() {
        OpCheck.assertRejected(unaryBranches("Identity", "Transpose", "x", 2, 3), UnsupportedModelException.class, "If 'If_1'",
                "data-dependent-shape");
    }

    @Test
    void unsupportedOperatorInABranchIsNamed() {
        OpCheck.assertRejected(unaryBranches("NoSuchOp", "Identity", "x", 2), UnsupportedModelException.class,
                "NoSuchOp 'then_NoSuchOp_1'", "unsupported operator");
    }

    /** If(c) with float input x: the then branch applies {@code thenOp} to {@code operand}, the else branch {@code elseOp}. */
    static byte[] unaryBranches(String thenOp, String elseOp, String operand, long... dims) {
        OnnxBuilder b = new OnnxBuilder("if_unary", 13);
        b.input("x", DataType.FLOAT32, dims);
        String x = operand;
        String c = b.input("c", DataType.BOOL);
        OnnxBuilder then = b.subgraph("then");
        then.output(then.node(thenOp, List.of(x)), DataType.FLOAT32);
        OnnxBuilder otherwise = b.subgraph("else");
        otherwise.output(otherwise.node(elseOp, List.of(x)), DataType.FLOAT32);
        b.output(b.node("If", List.of(c), "then_branch", then, "else_branch", otherwise), DataType.FLOAT32);
        return b.toBytes();
    }

    static Tensor bool(boolean v) {
        return Tensor.ofLongs(DataType.BOOL, Shape.scalar(), v ? 1 : 0);
    }
}
