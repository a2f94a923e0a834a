package dev.edgec.harness.ops;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgec.cli.runtime.ChicoryRuntime;
import dev.edgec.core.CompileOptions;
import dev.edgec.core.CompileResult;
import dev.edgec.core.Compiler;
import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.core.onnx.OnnxDataTypes;
import dev.edgec.core.onnx.proto.OnnxProto.TypeProto;
import dev.edgec.core.onnx.proto.OnnxProto.ValueInfoProto;
import dev.edgec.core.ops.ConstantInputRequiredException;
import dev.edgec.harness.ModelCheck;
import dev.edgec.harness.Tolerance;
import dev.edgec.ir.DataType;
import dev.edgec.ir.InvalidModelException;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.UnsupportedModelException;
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

/**
 * The sequence operators, expanded at import into plain nodes, against ONNX Runtime: sequences whose
 * length and positions are compile-time facts, elements of different shapes, negative positions,
 * every SplitToSequence form, ConcatFromSequence with and without a new axis, sequences inside an If
 * branch; and the refusals (run-time position, sequence graph input or output, bad positions).
 */
class SequenceOpsTest {
    private static Tensor scalar(long v) {
        return Tensor.ofLongs(DataType.INT64, Shape.scalar(), v);
    }

    private static Tensor int32Scalar(long v) {
        return Tensor.ofLongs(DataType.INT32, Shape.scalar(), v);
    }

    /** Three float tensors of different shapes, read back by SequenceAt after an erase. */
    @ParameterizedTest
    @MethodSource("erasePositions")
    void constructEraseAt(long erase, long at) {
        OnnxBuilder b = new OnnxBuilder("seq_erase", 13);
        String x = b.input("x", DataType.FLOAT32, 2, 3);
        String y = b.input("y", DataType.FLOAT32, 4);
        String z = b.input("z", DataType.FLOAT32, 1, 2, 2);
        String seq = b.node("SequenceConstruct", List.of(x, y, z));
        String erased = b.node("SequenceErase", List.of(seq, b.initializer("erase", scalar(erase))));
        String out = b.node("SequenceAt", List.of(erased, b.initializer("at", int32Scalar(at))));
        b.output(b.node("Relu", List.of(out)), DataType.FLOAT32);
        OpCheck.assertMatchesOrt(b.toBytes(), randomInputs(b), DataType.FLOAT32);
    }

    static Stream<Arguments> erasePositions() {
        return Stream.of(Arguments.of(0, 0), Arguments.of(0, 1), Arguments.of(1, -1), Arguments.of(-1, -2),
                Arguments.of(-3, 1), Arguments.of(2, 0));
    }

    /** SequenceEmpty then inserts at given positions (or appended), concatenated along axis 0: the order shows. */
    @ParameterizedTest
    @MethodSource("insertPositions")
    void emptyInsertConcat(List<Long> positions, DataType type) {
        OnnxBuilder b = new OnnxBuilder("seq_insert", 13);
        String seq = b.node("SequenceEmpty", List.of(), "dtype", (long) OnnxDataTypes.toOnnx(type));
        for (int i = 0; i < positions.size(); i++) {
            String t = b.input("t" + i, type, i + 1, 2);
            List<String> in = new ArrayList<>(List.of(seq, t));
            if (positions.get(i) != null) {
                in.add(b.initializer("p" + i, scalar(positions.get(i))));
            }
            seq = b.node("SequenceInsert", in);
        }
        b.output(b.node("ConcatFromSequence", List.of(seq), "axis", 0L), type);
        b.output(b.node("SequenceLength", List.of(seq)), DataType.INT64);
        OpCheck.assertMatchesOrt(b.toBytes(), randomInputs(b), type);
    }

    static Stream<Arguments> insertPositions() {
        List<Long> appended = new ArrayList<>();
        appended.add(null);
        appended.add(null);
        appended.add(null);
        List<Long> mixed = new ArrayList<>(List.of(0L, 0L));
        mixed.add(null);
        mixed.add(-1L);
        return Stream.of(Arguments.of(appended, DataType.FLOAT32), Arguments.of(mixed, DataType.FLOAT32),
                Arguments.of(List.of(0L, 1L, 1L, -3L), DataType.INT32), Arguments.of(List.of(0L, -1L, 2L), DataType.INT64));
    }

    /** SplitToSequence in each form, then every element stacked back (new_axis=1) or concatenated, and the length. */
    @ParameterizedTest
    @MethodSource("splits")
    void splitToSequenceThenConcat(int[] shape, long axis, Tensor split, long keepdims, long newAxis, long concatAxis) {
        OnnxBuilder b = new OnnxBuilder("seq_split", 13);
        String x = b.input("x", DataType.FLOAT32, OpCheck.longs(shape));
        List<String> in = new ArrayList<>(List.of(x));
        if (split != null) {
            in.add(b.initializer("split", split));
        }
        String seq = b.node("SplitToSequence", in, "axis", axis, "keepdims", keepdims);
        b.output(b.node("ConcatFromSequence", List.of(seq), "axis", concatAxis, "new_axis", newAxis), DataType.FLOAT32);
        b.output(b.node("SequenceAt", List.of(seq, b.initializer("last", scalar(-1)))), DataType.FLOAT32);
        b.output(b.node("SequenceLength", List.of(seq)), DataType.INT64);
        OpCheck.assertMatchesOrt(b.toBytes(), randomInputs(b), DataType.FLOAT32);
    }

    static Stream<Arguments> splits() {
        return Stream.of(
                // no split: one element per index, axis kept or dropped
                Arguments.of(new int[]{3, 4}, 0L, null, 1L, 0L, 0L),
                Arguments.of(new int[]{3, 4}, 1L, null, 0L, 1L, 1L),
                Arguments.of(new int[]{2, 3, 2}, -2L, null, 0L, 1L, -1L),
                // scalar chunk size, the last chunk shorter
                Arguments.of(new int[]{7, 2}, 0L, scalar(3), 1L, 0L, 0L),
                Arguments.of(new int[]{2, 5}, -1L, int32Scalar(2), 1L, 0L, 1L),
                // explicit sizes (keepdims ignored)
                Arguments.of(new int[]{2, 6, 3}, 1L, OpCheck.int64s(1, 3, 2), 0L, 0L, 1L),
                Arguments.of(new int[]{4, 3}, 0L, OpCheck.int64s(2, 2), 1L, 1L, 0L));
    }

    /**
     * keepdims is ignored when a split input is given (ONNX spec and its reference implementation).
     * ONNX Runtime instead drops the axis for a scalar split, failing unless the chunk is 1; edgec
     * follows the spec, so the module is compared with ONNX Runtime running the keepdims=1 model.
     */
    @ParameterizedTest
    @MethodSource("splitsIgnoringKeepdims")
    void keepdimsIsIgnoredWithASplitInput(Tensor split) {
        Map<String, Tensor> in = Map.of("x", OpCheck.random(DataType.FLOAT32, new int[]{3, 5}, new Random(4), -2, 2));
        byte[] dropped = splitAndConcat(split, 0);
        CompileResult compiled = new Compiler().compile(dropped, CompileOptions.defaults());
        String why = ModelCheck.mismatch(splitAndConcat(split, 1), compiled, in, Tolerance.ONNX_BACKEND, new ChicoryRuntime());
        assertNull(why, why);
    }

    static Stream<Tensor> splitsIgnoringKeepdims() {
        return Stream.of(scalar(2), scalar(1), OpCheck.int64s(1, 4));
    }

    private static byte[] splitAndConcat(Tensor split, long keepdims) {
        OnnxBuilder b = new OnnxBuilder("seq_split_keepdims", 13);
        String x = b.input("x", DataType.FLOAT32, 3, 5);
        String seq = b.node("SplitToSequence", List.of(x, b.initializer("split", split)), "axis", 1L, "keepdims", keepdims);
        b.output(b.node("ConcatFromSequence", List.of(seq), "axis", 1L), DataType.FLOAT32);
        b.output(b.node("SequenceAt", List.of(seq, b.initializer("first", scalar(0)))), DataType.FLOAT32);
        return b.toBytes();
    }

    /** ConcatFromSequence of constructed elements: along an existing axis (sizes differ there) or a new one. */
    @ParameterizedTest
    @MethodSource("concats")
    void concatFromSequence(int[][] shapes, long axis, long newAxis) {
        OnnxBuilder b = new OnnxBuilder("seq_concat", 11);
        List<String> elements = new ArrayList<>();
        for (int i = 0; i < shapes.length; i++) {
            elements.add(b.input("e" + i, DataType.FLOAT32, OpCheck.longs(shapes[i])));
        }
        String seq = b.node("SequenceConstruct", elements);
        b.output(b.node("ConcatFromSequence", List.of(seq), "axis", axis, "new_axis", newAxis), DataType.FLOAT32);
        OpCheck.assertMatchesOrt(b.toBytes(), randomInputs(b), DataType.FLOAT32);
    }

    static Stream<Arguments> concats() {
        return Stream.of(
                Arguments.of(new int[][]{{2, 3}, {2, 1}, {2, 4}}, 1L, 0L),
                Arguments.of(new int[][]{{2, 3}, {1, 3}}, -2L, 0L),
                Arguments.of(new int[][]{{5}}, 0L, 0L),
                Arguments.of(new int[][]{{2, 3}, {2, 3}, {2, 3}}, 2L, 1L),
                Arguments.of(new int[][]{{2, 3}, {2, 3}}, -1L, 1L),
                Arguments.of(new int[][]{{4}, {4}}, 0L, 1L));
    }

    /** Sequence operators in an If branch taken at run time: the expanded nodes run under the branch's guard. */
    @ParameterizedTest
    @MethodSource("conditions")
    void sequencesInsideARunTimeIfBranch(boolean cond) {
        OnnxBuilder b = new OnnxBuilder("seq_if", 13);
        String x = b.input("x", DataType.FLOAT32, 4, 3);
        String c = b.input("c", DataType.BOOL);
        OnnxBuilder then = b.subgraph("then");
        String parts = then.node("SplitToSequence", List.of(x), "axis", 0L, "keepdims", 1L);
        String reversed = then.node("SequenceConstruct", List.of(
                then.node("SequenceAt", List.of(parts, then.initializer("then_3", scalar(3)))),
                then.node("SequenceAt", List.of(parts, then.initializer("then_2", scalar(2)))),
                then.node("SequenceAt", List.of(parts, then.initializer("then_1", scalar(1)))),
                then.node("SequenceAt", List.of(parts, then.initializer("then_0", scalar(0))))));
        then.output(then.node("ConcatFromSequence", List.of(reversed), "axis", 0L), DataType.FLOAT32);
        OnnxBuilder otherwise = b.subgraph("else");
        otherwise.output(otherwise.node("Neg", List.of(x)), DataType.FLOAT32);
        b.output(b.node("If", List.of(c), "then_branch", then, "else_branch", otherwise), DataType.FLOAT32);
        Map<String, Tensor> in = new LinkedHashMap<>();
        in.put("x", OpCheck.random(DataType.FLOAT32, new int[]{4, 3}, new Random(11), -3, 3));
        in.put("c", Tensor.ofLongs(DataType.BOOL, Shape.scalar(), cond ? 1 : 0));
        OpCheck.assertMatchesOrt(b.toBytes(), in, DataType.FLOAT32);
    }

    static Stream<Boolean> conditions() {
        return Stream.of(true, false);
    }

    /** A Loop carrying a sequence that grows by one element per iteration (a list append), stacked afterwards. */
    @ParameterizedTest
    @MethodSource("tripCounts")
    void loopAppendsToACarriedSequence(long trips) {
        OnnxBuilder b = new OnnxBuilder("seq_loop", 13);
        String x = b.input("x", DataType.FLOAT32, 2, 3);
        String start = b.node("SequenceConstruct", List.of(b.node("Neg", List.of(x))));
        OnnxBuilder body = b.subgraph("body");
        String i = body.input("i", DataType.INT64);
        String condIn = body.input("cond_in", DataType.BOOL);
        body.graph().addInput(sequenceValue("seq_in"));
        String scaled = body.node("Mul", List.of(x, body.node("Cast", List.of(i), "to", 1L)));
        String grown = body.node("SequenceInsert", List.of("seq_in", scaled));
        body.output(body.node("Identity", List.of(condIn)), DataType.BOOL);
        body.graph().addOutput(sequenceValue(grown));
        b.nodeWithOutputs("Loop", List.of(b.initializer("M", scalar(trips)), "", start), List.of("all"), "body", body);
        b.output(b.node("ConcatFromSequence", List.of("all"), "axis", 0L, "new_axis", 1L), DataType.FLOAT32);
        b.output(b.node("SequenceLength", List.of("all")), DataType.INT64);
        OpCheck.assertMatchesOrt(b.toBytes(), randomInputs(b), DataType.FLOAT32);
    }

    static Stream<Long> tripCounts() {
        return Stream.of(0L, 1L, 4L);
    }

    /** An If whose branches give sequences: its condition a constant, or run-time data (element-wise selection). */
    @ParameterizedTest
    @MethodSource("conditionKinds")
    void ifWithSequenceOutputs(boolean cond, boolean constant) {
        OnnxBuilder b = new OnnxBuilder("seq_if_out", 13);
        String x = b.input("x", DataType.FLOAT32, 3);
        String c = constant ? b.initializer("c", Tensor.ofLongs(DataType.BOOL, Shape.scalar(), cond ? 1 : 0))
                : b.input("c", DataType.BOOL);
        OnnxBuilder then = b.subgraph("then");
        then.graph().addOutput(sequenceValue(then.node("SequenceConstruct", List.of(x, then.node("Neg", List.of(x))))));
        OnnxBuilder otherwise = b.subgraph("else");
        otherwise.graph().addOutput(sequenceValue(otherwise.node("SequenceConstruct",
                List.of(otherwise.node("Abs", List.of(x)), otherwise.node("Exp", List.of(x))))));
        String seq = b.node("If", List.of(c), "then_branch", then, "else_branch", otherwise);
        b.output(b.node("ConcatFromSequence", List.of(seq), "axis", 0L), DataType.FLOAT32);
        b.output(b.node("SequenceAt", List.of(seq, b.initializer("p", scalar(-1)))), DataType.FLOAT32);
        Map<String, Tensor> in = new LinkedHashMap<>();
        in.put("x", OpCheck.random(DataType.FLOAT32, new int[]{3}, new Random(8), -2, 2));
        if (!constant) {
            in.put("c", Tensor.ofLongs(DataType.BOOL, Shape.scalar(), cond ? 1 : 0));
        }
        OpCheck.assertMatchesOrt(b.toBytes(), in, DataType.FLOAT32);
    }

    static Stream<Arguments> conditionKinds() {
        return Stream.of(Arguments.of(true, true), Arguments.of(false, true), Arguments.of(true, false),
                Arguments.of(false, false));
    }

    /** A sequence carried through iterations chosen at run time would have a data-dependent length. */
    @Test
    void loopWithRunTimeConditionCannotCarryASequence() {
        OnnxBuilder b = new OnnxBuilder("seq_loop_dd", 13);
        String x = b.input("x", DataType.FLOAT32, 2);
        String c = b.input("c", DataType.BOOL);
        OnnxBuilder body = b.subgraph("body");
        body.input("i", DataType.INT64);
        String condIn = body.input("cond_in", DataType.BOOL);
        body.graph().addInput(sequenceValue("seq_in"));
        body.output(body.node("Identity", List.of(condIn)), DataType.BOOL);
        body.graph().addOutput(sequenceValue(body.node("SequenceInsert", List.of("seq_in", x))));
        b.nodeWithOutputs("Loop", List.of(b.initializer("M", scalar(3)), c, b.node("SequenceEmpty", List.of())),
                List.of("all"), "body", body);
        b.output(b.node("SequenceLength", List.of("all")), DataType.INT64);
        OpCheck.assertRejected(b.toBytes(), UnsupportedModelException.class, "Loop_2", "loop-carried value 0 is a sequence");
    }

    /** With a run-time condition, branches giving sequences of different lengths are refused. */
    @Test
    void ifWithRunTimeConditionNeedsSequencesOfOneLength() {
        OnnxBuilder b = new OnnxBuilder("seq_if_dd", 13);
        String x = b.input("x", DataType.FLOAT32, 3);
        String c = b.input("c", DataType.BOOL);
        OnnxBuilder then = b.subgraph("then");
        then.graph().addOutput(sequenceValue(then.node("SequenceConstruct", List.of(x, x))));
        OnnxBuilder otherwise = b.subgraph("else");
        otherwise.graph().addOutput(sequenceValue(otherwise.node("SequenceConstruct", List.of(x))));
        String seq = b.node("If", List.of(c), "then_branch", then, "else_branch", otherwise);
        b.output(b.node("SequenceLength", List.of(seq)), DataType.INT64);
        OpCheck.assertRejected(b.toBytes(), UnsupportedModelException.class, "If_1", "data-dependent-shape");
    }

    /** A position given at run time is refused naming the node; frozen, the model compiles and matches. */
    @Test
    void runTimePositionMustBeFrozen() {
        OnnxBuilder b = new OnnxBuilder("seq_runtime_pos", 13);
        String x = b.input("x", DataType.FLOAT32, 2);
        String y = b.input("y", DataType.FLOAT32, 3);
        String p = b.input("p", DataType.INT64);
        String seq = b.node("SequenceConstruct", List.of(x, y));
        b.output(b.node("SequenceAt", List.of(seq, p)), DataType.FLOAT32);
        byte[] model = b.toBytes();
        ConstantInputRequiredException e = assertThrows(ConstantInputRequiredException.class,
                () -> new Compiler().compile(model, CompileOptions.defaults()));
        assertTrue(e.getMessage().contains("SequenceAt 'SequenceAt_2'") && e.getMessage().contains("position")
                && e.inputName().equals("p"), e.getMessage());
        CompileResult compiled = new Compiler().compile(model, CompileOptions.defaults().withFrozenInputs(Map.of("p", scalar(1))));
        Map<String, Tensor> in = new LinkedHashMap<>();
        in.put("x", OpCheck.random(DataType.FLOAT32, new int[]{2}, new Random(2), -1, 1));
        in.put("y", OpCheck.random(DataType.FLOAT32, new int[]{3}, new Random(3), -1, 1));
        in.put("p", scalar(1));
        String why = ModelCheck.mismatch(model, compiled, in, Tolerance.ONNX_BACKEND, new ChicoryRuntime());
        assertNull(why, why);
    }

    /** A position computed from a graph input names that input to freeze. */
    @Test
    void computedPositionNamesTheGraphInputToFreeze() {
        OnnxBuilder b = new OnnxBuilder("seq_computed_pos", 13);
        String x = b.input("x", DataType.FLOAT32, 2);
        String p = b.input("p", DataType.INT64);
        String seq = b.node("SequenceConstruct", List.of(x, x));
        String q = b.node("Add", List.of(p, b.initializer("one", scalar(1))));
        b.output(b.node("SequenceAt", List.of(seq, q)), DataType.FLOAT32);
        ConstantInputRequiredException e = assertThrows(ConstantInputRequiredException.class,
                () -> new Compiler().compile(b.toBytes(), CompileOptions.defaults()));
        assertTrue(e.getMessage().contains("SequenceAt") && e.inputName().equals("p"), e.getMessage());
    }

    @Test
    void sequenceGraphOutputIsUnsupported() {
        OnnxBuilder b = new OnnxBuilder("seq_out", 13);
        String x = b.input("x", DataType.FLOAT32, 2);
        b.output(b.node("Abs", List.of(x)), DataType.FLOAT32);
        String seq = b.node("SequenceConstruct", List.of(x, x));
        b.graph().addOutput(sequenceValue(seq));
        UnsupportedModelException e = assertThrows(UnsupportedModelException.class,
                () -> new Compiler().compile(b.toBytes(), CompileOptions.defaults()));
        assertTrue(e.getMessage().contains("graph output '" + seq + "' is a sequence"), e.getMessage());
    }

    @Test
    void sequenceGraphInputIsUnsupported() {
        OnnxBuilder b = new OnnxBuilder("seq_in", 13);
        b.graph().addInput(sequenceValue("s"));
        b.output(b.node("SequenceAt", List.of("s", b.initializer("zero", scalar(0)))), DataType.FLOAT32);
        UnsupportedModelException e = assertThrows(UnsupportedModelException.class,
                () -> new Compiler().compile(b.toBytes(), CompileOptions.defaults()));
        assertTrue(e.getMessage().contains("graph input 's' is a sequence"), e.getMessage());
    }

    @Test
    void sequenceReadByATensorOperatorIsUnsupported() {
        OnnxBuilder b = new OnnxBuilder("seq_misuse", 13);
        String x = b.input("x", DataType.FLOAT32, 2);
        String seq = b.node("SequenceConstruct", List.of(x));
        b.output(b.node("Identity", List.of(seq)), DataType.FLOAT32);
        OpCheck.assertRejected(b.toBytes(), UnsupportedModelException.class, "Identity_2", "reads sequence");
    }

    @ParameterizedTest
    @MethodSource("badModels")
    void invalidUsesNameTheNode(byte[] model, String node, String fragment) {
        OpCheck.assertRejected(model, InvalidModelException.class, node, fragment);
    }

    static Stream<Arguments> badModels() {
        return Stream.of(
                Arguments.of(atModel(2), "SequenceAt_2", "out of range"),
                Arguments.of(atModel(-3), "SequenceAt_2", "out of range"),
                Arguments.of(eraseEmpty(), "SequenceErase_2", "empty sequence"),
                Arguments.of(stackMismatch(), "ConcatFromSequence_2", "one shape"),
                Arguments.of(insertWrongType(), "SequenceInsert_2", "inserts a int64"),
                Arguments.of(splitSum(), "SplitToSequence_1", "add up to 5"));
    }

    private static byte[] atModel(long position) {
        OnnxBuilder b = new OnnxBuilder("seq_bad_at", 13);
        String x = b.input("x", DataType.FLOAT32, 2);
        String seq = b.node("SequenceConstruct", List.of(x, x));
        b.output(b.node("SequenceAt", List.of(seq, b.initializer("p", scalar(position)))), DataType.FLOAT32);
        return b.toBytes();
    }

    private static byte[] eraseEmpty() {
        OnnxBuilder b = new OnnxBuilder("seq_bad_erase", 13);
        String x = b.input("x", DataType.FLOAT32, 2);
        String seq = b.node("SequenceErase", List.of(b.node("SequenceEmpty", List.of())));
        b.output(b.node("Add", List.of(x, b.node("ConcatFromSequence", List.of(seq), "axis", 0L))), DataType.FLOAT32);
        return b.toBytes();
    }

    private static byte[] stackMismatch() {
        OnnxBuilder b = new OnnxBuilder("seq_bad_stack", 13);
        String x = b.input("x", DataType.FLOAT32, 2);
        String y = b.input("y", DataType.FLOAT32, 3);
        String seq = b.node("SequenceConstruct", List.of(x, y));
        b.output(b.node("ConcatFromSequence", List.of(seq), "axis", 0L, "new_axis", 1L), DataType.FLOAT32);
        return b.toBytes();
    }

    private static byte[] insertWrongType() {
        OnnxBuilder b = new OnnxBuilder("seq_bad_insert", 13);
        String x = b.input("x", DataType.FLOAT32, 2);
        String i = b.input("i", DataType.INT64, 2);
        String seq = b.node("SequenceInsert", List.of(b.node("SequenceConstruct", List.of(x)), i));
        b.output(b.node("SequenceAt", List.of(seq, b.initializer("p", scalar(0)))), DataType.FLOAT32);
        return b.toBytes();
    }

    private static byte[] splitSum() {
        OnnxBuilder b = new OnnxBuilder("seq_bad_split", 13);
        String x = b.input("x", DataType.FLOAT32, 4);
        String seq = b.node("SplitToSequence", List.of(x, b.initializer("s", OpCheck.int64s(2, 3))));
        b.output(b.node("SequenceLength", List.of(seq)), DataType.INT64);
        return b.toBytes();
    }

    private static ValueInfoProto sequenceValue(String name) {
        TypeProto element = TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder()
                .setElemType(OnnxDataTypes.toOnnx(DataType.FLOAT32))).build();
        return ValueInfoProto.newBuilder().setName(name)
                .setType(TypeProto.newBuilder().setSequenceType(TypeProto.Sequence.newBuilder().setElemType(element))).build();
    }

    /** Seeded random values for every graph input of {@code b}'s model (small integers for integer types). */
    private static Map<String, Tensor> randomInputs(OnnxBuilder b) {
        Map<String, Tensor> in = new LinkedHashMap<>();
        Random rnd = new Random(7);
        for (ValueInfoProto v : b.graph().getInputList()) {
            DataType t = OnnxDataTypes.fromOnnx(v.getType().getTensorType().getElemType(), v.getName());
            int[] dims = v.getType().getTensorType().getShape().getDimList().stream().mapToInt(d -> (int) d.getDimValue()).toArray();
            in.put(v.getName(), OpCheck.random(t, dims, rnd, -5, 5));
        }
        return in;
    }
}
