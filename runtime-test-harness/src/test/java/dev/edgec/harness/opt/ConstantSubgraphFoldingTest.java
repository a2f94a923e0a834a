package dev.edgec.harness.opt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgec.cli.runtime.ChicoryRuntime;
import dev.edgec.cli.runtime.WasmInstance;
import dev.edgec.core.CompileOptions;
import dev.edgec.core.CompileResult;
import dev.edgec.core.Compiler;
import dev.edgec.core.abi.RunStatus;
import dev.edgec.core.abi.TensorSpec;
import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.core.ops.OperatorRegistry;
import dev.edgec.cli.runtime.ModuleRunner;
import dev.edgec.harness.ModelCheck;
import dev.edgec.harness.OrtReference;
import dev.edgec.harness.RandomTensors;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Node;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.TensorType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fold-constants pass: constant subgraphs of many operators feeding a run-time node are computed
 * at compile time with their own kernels. At -O1 the folded nodes are gone, the module matches ONNX
 * Runtime and gives bit for bit the -O0 module's outputs, and folding never grows the module beyond
 * its allowance.
 */
class ConstantSubgraphFoldingTest {
    /** A model builder and the node types left after -O1. */
    record Case(String name, Function<Random, byte[]> model, List<String> opsAfterFolding) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Tensor random(Random r, int... dims) {
        return RandomTensors.of(new TensorType(DataType.FLOAT32, Shape.of(dims)), r);
    }

    private static Tensor ints(DataType type, long... values) {
        return Tensor.ofLongs(type, Shape.of(values.length), values);
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("initializer-Transpose-MatMul", r -> {
                    OnnxBuilder b = new OnnxBuilder("transpose", 13);
                    String x = b.input("x", DataType.FLOAT32, 3, 40);
                    String wt = b.node("Transpose", List.of(b.initializer("w", random(r, 32, 40))));
                    return b.output(b.node("MatMul", List.of(x, wt)), DataType.FLOAT32).toBytes();
                    // row-major-weights then stores the folded matrix transposed, for a Gemm with transB = 1
                }, List.of("Gemm")),
                new Case("Constant-Cast-Mul", r -> {
                    OnnxBuilder b = new OnnxBuilder("cast", 13);
                    String x = b.input("x", DataType.FLOAT32, 4, 5);
                    String c = b.node("Cast", List.of(b.initializer("c", RandomTensors.of(
                            new TensorType(DataType.INT32, Shape.of(4, 5)), r))), "to", 1L);
                    return b.output(b.node("Mul", List.of(x, c)), DataType.FLOAT32).toBytes();
                }, List.of("Mul")),
                new Case("Sqrt-Reciprocal-Neg-Add", r -> {
                    OnnxBuilder b = new OnnxBuilder("unary", 13);
                    String x = b.input("x", DataType.FLOAT32, 2, 6);
                    String c = b.initializer("c", RandomTensors.uniform(new TensorType(DataType.FLOAT32, Shape.of(6)), r, 0.5, 3));
                    String v = b.node("Neg", List.of(b.node("Reciprocal", List.of(b.node("Sqrt", List.of(c))))));
                    return b.output(b.node("Add", List.of(x, v)), DataType.FLOAT32).toBytes();
                }, List.of("Add")),
                new Case("Unsqueeze-Squeeze-Flatten-Sub", r -> {
                    OnnxBuilder b = new OnnxBuilder("views", 13);
                    String x = b.input("x", DataType.FLOAT32, 2, 1200);
                    String u = b.node("Unsqueeze", List.of(b.initializer("c", random(r, 30, 40)),
                            b.initializer("ua", ints(DataType.INT64, 0, 3))));
                    String s = b.node("Squeeze", List.of(u, b.initializer("sa", ints(DataType.INT64, 3))));
                    String f = b.node("Flatten", List.of(s), "axis", 1L);
                    return b.output(b.node("Sub", List.of(x, f)), DataType.FLOAT32).toBytes();
                }, List.of("Sub")),
                new Case("Tile-Add", r -> {
                    OnnxBuilder b = new OnnxBuilder("tile", 13);
                    String x = b.input("x", DataType.FLOAT32, 6, 6);
                    String t = b.node("Tile", List.of(b.initializer("c", random(r, 2, 3)),
                            b.initializer("rep", ints(DataType.INT64, 3, 2))));
                    return b.output(b.node("Add", List.of(x, t)), DataType.FLOAT32).toBytes();
                }, List.of("Add")),
                new Case("ReduceSum-Mul", r -> {
                    OnnxBuilder b = new OnnxBuilder("reducesum", 13);
                    String x = b.input("x", DataType.FLOAT32, 5, 8);
                    String s = b.node("ReduceSum", List.of(b.initializer("c", random(r, 5, 8)),
                            b.initializer("axes", ints(DataType.INT64, 1))), "keepdims", 1L);
                    return b.output(b.node("Mul", List.of(x, s)), DataType.FLOAT32).toBytes();
                }, List.of("Mul")),
                new Case("Shape-Cast-ReduceProd-Div", r -> {
                    OnnxBuilder b = new OnnxBuilder("reduceprod", 13);
                    String x = b.input("x", DataType.FLOAT32, 2, 3, 4);
                    String dims = b.node("Cast", List.of(b.node("Shape", List.of(x))), "to", 1L);
                    String n = b.node("ReduceProd", List.of(dims), "keepdims", 0L);
                    return b.output(b.node("Div", List.of(x, n)), DataType.FLOAT32).toBytes();
                }, List.of("Div")),
                new Case("Gather-Add", r -> {
                    OnnxBuilder b = new OnnxBuilder("gather", 13);
                    String x = b.input("x", DataType.FLOAT32, 4, 8);
                    String g = b.node("Gather", List.of(b.initializer("table", random(r, 300, 8)),
                            b.initializer("idx", ints(DataType.INT64, 7, 299, -1, 0))), "axis", 0L);
                    return b.output(b.node("Add", List.of(x, g)), DataType.FLOAT32).toBytes();
                }, List.of("Add")),
                new Case("Conv-on-constants-Add", r -> {
                    OnnxBuilder b = new OnnxBuilder("conv", 13);
                    String x = b.input("x", DataType.FLOAT32, 1, 3, 4, 4);
                    String c = b.node("Conv", List.of(b.initializer("img", random(r, 1, 2, 6, 6)),
                            b.initializer("w", random(r, 3, 2, 3, 3)), b.initializer("bias", random(r, 3))));
                    return b.output(b.node("Add", List.of(x, b.node("Relu", List.of(c)))), DataType.FLOAT32).toBytes();
                }, List.of("Add")),
                new Case("Range-ReduceSum-Mul", r -> {
                    OnnxBuilder b = new OnnxBuilder("range", 13);
                    String x = b.input("x", DataType.FLOAT32, 3);
                    String range = b.node("Range", List.of(b.initializer("start", Tensor.ofFloats(Shape.scalar(), 0f)),
                            b.initializer("limit", Tensor.ofFloats(Shape.scalar(), 1500f)),
                            b.initializer("delta", Tensor.ofFloats(Shape.scalar(), 0.5f))));
                    String s = b.node("ReduceSum", List.of(range), "keepdims", 0L);
                    return b.output(b.node("Mul", List.of(x, s)), DataType.FLOAT32).toBytes();
                }, List.of("Mul")),
                new Case("large-Expand-of-scalar-stays", r -> {
                    OnnxBuilder b = new OnnxBuilder("expand", 13);
                    String x = b.input("x", DataType.FLOAT32, 64, 64);
                    String e = b.node("Expand", List.of(b.initializer("c", Tensor.ofFloats(Shape.scalar(), 0.25f)),
                            b.initializer("shape", ints(DataType.INT64, 64, 64))));
                    return b.output(b.node("Add", List.of(x, e)), DataType.FLOAT32).toBytes();
                }, List.of("Expand", "Add")),
                new Case("Split-halves-feed-two-ops", r -> {
                    OnnxBuilder b = new OnnxBuilder("split", 13);
                    String x = b.input("x", DataType.FLOAT32, 2, 6);
                    b.nodeWithOutputs("Split", List.of(b.initializer("c", random(r, 4, 6))), List.of("top", "bottom"),
                            "axis", 0L);
                    String sum = b.node("Add", List.of(x, b.node("Exp", List.of("top"))));
                    return b.output(b.node("Mul", List.of(sum, "bottom")), DataType.FLOAT32).toBytes();
                }, List.of("Add", "Mul")),
                new Case("constant-graph-output", r -> {
                    OnnxBuilder b = new OnnxBuilder("constant-output", 13);
                    String x = b.input("x", DataType.FLOAT32, 3, 4);
                    b.output(b.node("Relu", List.of(x)), DataType.FLOAT32);
                    String t = b.node("Transpose", List.of(b.node("Tanh", List.of(b.initializer("c", random(r, 40, 30))))));
                    return b.output(t, DataType.FLOAT32).toBytes();
                }, List.of("Relu")),
                new Case("weights-fold-while-large-Expand-stays", r -> {
                    OnnxBuilder b = new OnnxBuilder("mixed", 13);
                    String x = b.input("x", DataType.FLOAT32, 3, 40);
                    String wt = b.node("Transpose", List.of(b.initializer("w", random(r, 32, 40))));
                    String mm = b.node("MatMul", List.of(x, wt));
                    String e = b.node("Expand", List.of(b.initializer("c", Tensor.ofFloats(Shape.scalar(), 0.5f)),
                            b.initializer("shape", ints(DataType.INT64, 64, 3, 32))));
                    return b.output(b.node("Add", List.of(mm, e)), DataType.FLOAT32).toBytes();
                }, List.of("Gemm", "Expand", "Add")),
                new Case("value-shared-with-an-unfolded-Expand", r -> {
                    OnnxBuilder b = new OnnxBuilder("shared", 13);
                    String x = b.input("x", DataType.FLOAT32, 64, 64);
                    String s = b.node("Sqrt", List.of(b.initializer("c", RandomTensors.uniform(
                            new TensorType(DataType.FLOAT32, Shape.of(64)), r, 0.5, 3))));
                    // the Sqrt folds; the Expand stays (16 KiB), now reading the folded constant
                    String e = b.node("Expand", List.of(s, b.initializer("shape", ints(DataType.INT64, 64, 64))));
                    return b.output(b.node("Mul", List.of(b.node("Add", List.of(x, s)), e)), DataType.FLOAT32).toBytes();
                }, List.of("Expand", "Add", "Mul")),
                new Case("allowance-spent-once-per-compile", r -> {
                    OnnxBuilder b = new OnnxBuilder("allowance", 13);
                    String x = b.input("x", DataType.FLOAT32, 200);
                    // each Tile grows the module by 796 bytes: one fits the 1 KiB allowance, the second no longer does
                    String t1 = b.node("Tile", List.of(b.initializer("c1", Tensor.ofFloats(Shape.of(1), 0.5f)),
                            b.initializer("rep1", ints(DataType.INT64, 200))));
                    String t2 = b.node("Tile", List.of(b.initializer("c2", Tensor.ofFloats(Shape.of(1), 3f)),
                            b.initializer("rep2", ints(DataType.INT64, 200))));
                    return b.output(b.node("Mul", List.of(b.node("Add", List.of(x, t1)), t2)), DataType.FLOAT32).toBytes();
                }, List.of("Tile", "Add", "Mul")),
                new Case("Dequantize-feeding-Conv-stays", r -> {
                    OnnxBuilder b = new OnnxBuilder("dq", 13);
                    String x = b.input("x", DataType.FLOAT32, 1, 2, 5, 5);
                    String w = b.initializer("w", RandomTensors.of(new TensorType(DataType.INT8, Shape.of(3, 2, 3, 3)), r));
                    String dq = b.node("DequantizeLinear", List.of(w, b.initializer("s", Tensor.ofFloats(Shape.scalar(), 0.01f)),
                            b.initializer("z", Tensor.ofLongs(DataType.INT8, Shape.scalar(), 0))));
                    return b.output(b.node("Conv", List.of(x, dq)), DataType.FLOAT32).toBytes();
                }, List.of("DequantizeLinear", "Conv")));
    }

    static Stream<Arguments> arguments() {
        return cases().map(Arguments::of);
    }

    private static List<String> ops(CompileResult compiled) {
        return compiled.graph().nodes().stream().map(Node::opType).toList();
    }

    private static List<Tensor> run(CompileResult compiled, Map<String, Tensor> inputs) {
        List<Tensor> ordered = new ArrayList<>();
        for (TensorSpec s : compiled.signature().inputs()) {
            ordered.add(inputs.get(s.name()));
        }
        try (ModuleRunner m = new ModuleRunner(compiled.moduleBytes(), new ChicoryRuntime())) {
            return m.run(ordered);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("arguments")
    void foldsAndMatchesOnnxRuntimeAndMinusO0BitForBit(Case c) {
        byte[] model = c.model().apply(new Random(c.name().hashCode()));
        CompileResult o0 = LevelCheck.compile(model, 0);
        CompileResult o1 = LevelCheck.compile(model, 1);
        assertEquals(c.opsAfterFolding(), ops(o1), "nodes left at -O1");
        assertNull(LevelCheck.mismatchAtBothLevels(model, 7));
        Map<String, Tensor> inputs = ModelCheck.randomInputs(o1, 11);
        List<Tensor> expected = run(o0, inputs);
        List<Tensor> actual = run(o1, inputs);
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i).bytes(), actual.get(i).bytes(), "output " + i + " differs from -O0");
        }
        assertTrue(o1.moduleBytes().length <= o0.moduleBytes().length + 1024,
                "-O1 module " + o1.moduleBytes().length + " bytes vs -O0 " + o0.moduleBytes().length);
    }

    /** Shape arithmetic through Cast (no evaluate hook) that Reshape needs at compile time folds at import, at both levels. */
    @Test
    void importRunsKernelsForShapesThatOperatorsNeed() {
        OnnxBuilder b = new OnnxBuilder("shape-arithmetic", 13);
        String x = b.input("x", DataType.FLOAT32, 2, 3, 4);
        String d = b.node("Gather", List.of(b.node("Shape", List.of(x)), b.initializer("one",
                Tensor.ofLongs(DataType.INT64, Shape.scalar(), 1))), "axis", 0L);
        String scaled = b.node("Mul", List.of(b.node("Cast", List.of(d), "to", 1L),
                b.initializer("four", Tensor.ofFloats(Shape.scalar(), 4f))));
        String n = b.node("Unsqueeze", List.of(b.node("Cast", List.of(scaled), "to", 7L), b.initializer("axes", ints(DataType.INT64, 0))));
        String shape = b.node("Concat", List.of(b.initializer("two", ints(DataType.INT64, 2)), n), "axis", 0L);
        byte[] model = b.output(b.node("Reshape", List.of(x, shape)), DataType.FLOAT32).toBytes();
        for (int level = 0; level <= 1; level++) {
            CompileResult compiled = LevelCheck.compile(model, level);
            assertEquals(List.of("Reshape"), ops(compiled), "-O" + level);
            assertEquals(Shape.of(2, 12), compiled.signature().outputs().get(0).type().shape());
        }
        assertNull(LevelCheck.mismatchAtBothLevels(model, 5));
    }

    /**
     * Float weights quantized inside the graph, {@code DQ(Q(w))}: the QuantizeLinear folds to int8 weights (a
     * quarter of the bytes), the DequantizeLinear stays, and fuse-qdq then builds the integer kernel.
     */
    @Test
    void weightsQuantizedInTheGraphFoldAndFuse() {
        Random r = new Random(9);
        OnnxBuilder b = new OnnxBuilder("qdq-float-weights", 13);
        String as = b.initializer("as", Tensor.ofFloats(Shape.scalar(), 0.03f));
        String az = b.initializer("az", Tensor.ofLongs(DataType.UINT8, Shape.scalar(), 128));
        String a = b.node("DequantizeLinear", List.of(b.node("QuantizeLinear",
                List.of(b.input("a", DataType.FLOAT32, 2, 16), as, az)), as, az));
        String ws = b.initializer("ws", Tensor.ofFloats(Shape.scalar(), 0.01f));
        String wz = b.initializer("wz", Tensor.ofLongs(DataType.INT8, Shape.scalar(), 0));
        String w = b.node("DequantizeLinear", List.of(b.node("QuantizeLinear", List.of(b.initializer("w", random(r, 16, 8)),
                ws, wz)), ws, wz));
        String y = b.node("QuantizeLinear", List.of(b.node("MatMul", List.of(a, w)),
                b.initializer("ys", Tensor.ofFloats(Shape.scalar(), 0.02f)), az));
        byte[] model = b.output(y, DataType.UINT8).toBytes();
        CompileResult o1 = LevelCheck.compile(model, 1);
        assertEquals(List.of("QuantizeLinear", "QLinearMatMul"), ops(o1));
        Map<String, Tensor> inputs = ModelCheck.randomInputs(o1, 3);
        long[] expected;
        try (OrtReference ort = new OrtReference(model)) {
            expected = ort.run(inputs).get(0).toLongs();
        }
        long[] actual = run(o1, inputs).get(0).toLongs();
        for (int i = 0; i < expected.length; i++) {
            assertTrue(Math.abs(expected[i] - actual[i]) <= 1, "element " + i + ": " + actual[i] + " vs ONNX Runtime " + expected[i]);
        }
    }

    /** 18 M multiply-accumulates on constants exceed the interpreter's instruction budget: the Conv stays a kernel. */
    @Test
    void heavyConstantSubgraphsStayKernels() {
        Random r = new Random(5);
        OnnxBuilder b = new OnnxBuilder("heavy", 13);
        String x = b.input("x", DataType.FLOAT32, 1, 32, 63, 63);
        String c = b.node("Conv", List.of(b.initializer("img", random(r, 1, 16, 128, 128)),
                b.initializer("w", random(r, 32, 16, 3, 3))), "strides", new long[] {2, 2});
        byte[] model = b.output(b.node("Add", List.of(x, c)), DataType.FLOAT32).toBytes();
        assertEquals(List.of("Conv", "Add"), ops(LevelCheck.compile(model, 1)));
    }

    @Test
    void minusO0FoldsOnlyWhatImportNeeds() {
        byte[] model = cases().findFirst().orElseThrow().model().apply(new Random(1));
        assertEquals(List.of("Transpose", "MatMul"), ops(LevelCheck.compile(model, 0)));
    }

    @Test
    void foldedWeightsFreeTheirSource() {
        byte[] model = cases().findFirst().orElseThrow().model().apply(new Random(1));
        CompileResult o1 = LevelCheck.compile(model, 1);
        // one matrix is left: the folded transpose (stored transposed back by row-major-weights), not the original
        assertEquals(1, o1.graph().constants().size(), "constants: " + o1.graph().constants().keySet());
        assertTrue(o1.graph().constants().keySet().iterator().next().startsWith("transpose_0"),
                "the original weights are gone: " + o1.graph().constants().keySet());
        assertTrue(o1.assembled().constantBytes() <= 32 * 40 * 4 + 16);
    }

    @Test
    void aKernelFailingOnItsConstantsStaysAndFailsAtRunTime() {
        OnnxBuilder b = new OnnxBuilder("bad-gather", 13);
        String x = b.input("x", DataType.FLOAT32, 2, 8);
        String g = b.node("Gather", List.of(b.initializer("table", random(new Random(3), 300, 8)),
                b.initializer("idx", ints(DataType.INT64, 5, 300))), "axis", 0L);
        byte[] model = b.output(b.node("Add", List.of(x, g)), DataType.FLOAT32).toBytes();
        CompileResult o1 = LevelCheck.compile(model, 1);
        assertEquals(List.of("Gather", "Add"), ops(o1));
        for (CompileResult compiled : List.of(LevelCheck.compile(model, 0), o1)) {
            WasmInstance instance = new ChicoryRuntime().instantiate(compiled.moduleBytes());
            assertEquals(RunStatus.INDEX_OUT_OF_RANGE.code(), instance.call("run"));
        }
    }

    @Test
    void dumpIrAfterNamesThePass() {
        byte[] model = cases().findFirst().orElseThrow().model().apply(new Random(1));
        StringBuilder dump = new StringBuilder();
        new Compiler(OperatorRegistry.standard(), dump::append).compile(model,
                CompileOptions.defaults().withDumpIrAfter(Set.of("fold-constants")));
        assertTrue(dump.toString().startsWith("; IR after fold-constants (round 1)"), dump.toString());
        assertTrue(!dump.toString().contains("Transpose"), dump.toString());
    }
}
