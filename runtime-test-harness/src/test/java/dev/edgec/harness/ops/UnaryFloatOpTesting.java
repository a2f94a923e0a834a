package dev.edgec.harness.ops;

import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.UnsupportedModelException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Shared cases of the unary float operator tests (Sin, Erf, Log, ...): shapes × types against ONNX Runtime. */
final class UnaryFloatOpTesting {
    static final List<int[]> SHAPES = List.of(new int[]{}, new int[]{7}, new int[]{2, 3, 4}, new int[]{1, 65});

    private UnaryFloatOpTesting() {
    }

    /** (type, shape) for each type in {@code types} and each of {@link #SHAPES}. */
    static Stream<Arguments> cases(DataType... types) {
        return Stream.of(types).flatMap(t -> SHAPES.stream().map(s -> Arguments.of(t, s)));
    }

    /** One-node {@code op} on uniform random inputs in [lo, hi), compared with ONNX Runtime. */
    static void check(String op, int opset, DataType t, int[] shape, double lo, double hi, Object... attrs) {
        byte[] model = OpCheck.unary(op, opset, t, shape, attrs);
        OpCheck.assertMatchesOrt(model, OpCheck.randomInputs(List.of(t), List.<int[]>of(shape), 11, lo, hi), t);
    }

    /** {@code op} on the given float32 values (special values, domain edges), compared with ONNX Runtime. */
    static void checkValues(String op, int opset, DataType outType, float... values) {
        byte[] model = OpCheck.model(op, opset, List.of(DataType.FLOAT32), List.<int[]>of(new int[]{values.length}),
                outType);
        OpCheck.assertMatchesOrt(model, Map.of("x0", Tensor.ofFloats(Shape.of(values.length), values)), outType);
    }

    /** Integer inputs are rejected with an error naming the node. */
    static void assertRejectsInt32(String op, int opset) {
        OpCheck.assertRejected(OpCheck.unary(op, opset, DataType.INT32, new int[]{3}), UnsupportedModelException.class,
                op, "int32");
    }
}
