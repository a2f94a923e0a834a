package dev.edgec.harness.ops;

import dev.edgec.ir.DataType;
import dev.edgec.ir.InvalidModelException;
import dev.edgec.ir.Tensor;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shared test of a binary elementwise operator with numpy broadcasting: every type it supports
 * over {@link OpCheck#BROADCAST_SHAPES}, compared with ONNX Runtime, and the broadcast error. Each
 * operator's class says which operator, opset and types; inputs default to small whole numbers so
 * that comparisons see ties.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BroadcastBinaryOpTest {
    private final String op;
    private final int opset;
    private final List<DataType> types;

    BroadcastBinaryOpTest(String op, int opset, List<DataType> types) {
        this.op = op;
        this.opset = opset;
        this.types = types;
    }

    /** The output element type for input type {@code t}: the same, or bool for comparisons. */
    abstract DataType outputType(DataType t);

    Map<String, Tensor> inputs(DataType t, int[] a, int[] b) {
        return OpCheck.smallIntegerInputs(List.of(t, t), List.of(a, b), 11);
    }

    Stream<Arguments> cases() {
        return types.stream().flatMap(t -> OpCheck.BROADCAST_SHAPES.stream().map(s -> Arguments.of(t, s[0], s[1])));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesOrt(DataType t, int[] a, int[] b) {
        byte[] model = OpCheck.binary(op, opset, t, outputType(t), a, b);
        OpCheck.assertMatchesOrt(model, inputs(t, a, b), outputType(t));
    }

    @Test
    void rejectsShapesThatDoNotBroadcast() {
        DataType t = types.get(0);
        byte[] model = OpCheck.binary(op, opset, t, outputType(t), new int[]{2, 3}, new int[]{4});
        OpCheck.assertRejected(model, InvalidModelException.class, op, "do not broadcast");
    }

    /** Comparisons and logic: bool output. */
    abstract static class Predicate extends BroadcastBinaryOpTest {
        Predicate(String op, int opset, List<DataType> types) {
            super(op, opset, types);
        }

        @Override
        DataType outputType(DataType t) {
            return DataType.BOOL;
        }
    }

    /** Arithmetic: output of the input type, random values in [-10, 10) (integers wrap). */
    abstract static class Arithmetic extends BroadcastBinaryOpTest {
        Arithmetic(String op, int opset, List<DataType> types) {
            super(op, opset, types);
        }

        @Override
        DataType outputType(DataType t) {
            return t;
        }

        @Override
        Map<String, Tensor> inputs(DataType t, int[] a, int[] b) {
            return OpCheck.randomInputs(List.of(t, t), List.of(a, b), 7, -10, 10);
        }
    }
}
