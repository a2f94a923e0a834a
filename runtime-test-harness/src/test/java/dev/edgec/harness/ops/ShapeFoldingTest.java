package dev.edgec.harness.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.edgec.core.CompileOptions;
import dev.edgec.core.Compiler;
import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Shape subgraphs on constants fold at import (Operator.evaluate through ConstantFolding), so that
 * a Reshape whose target shape is computed from Shape(x) gets a static shape.
 */
class ShapeFoldingTest {
    private static Tensor scalar64(long v) {
        return Tensor.ofLongs(DataType.INT64, Shape.scalar(), v);
    }

    /** The op types of the nodes left after import, that is, those not folded to constants. */
    private static List<String> remainingOps(byte[] model) {
        return new Compiler().compile(model, CompileOptions.defaults()).imported().graph().nodes().stream()
                .map(n -> n.opType()).toList();
    }

    /** What torch.onnx emits for {@code x.reshape(x.size(0), -1)}: Shape → Gather → Unsqueeze → Concat → Reshape. */
    @Test
    void pytorchDynamicReshape() {
        for (int opset : new int[]{11, 13}) {
            OnnxBuilder b = new OnnxBuilder("dynamic_reshape", opset);
            String x = b.input("x", DataType.FLOAT32, 2, 3, 4);
            String shape = b.node("Shape", List.of(x));
            String n = b.node("Gather", List.of(shape, b.initializer("zero", scalar64(0))), "axis", 0L);
            String n1 = opset >= 13 ? b.node("Unsqueeze", List.of(n, b.initializer("axes", OpCheck.int64s(0))))
                    : b.node("Unsqueeze", List.of(n), "axes", new long[]{0});
            String target = b.node("Concat", List.of(n1, b.initializer("minus_one", OpCheck.int64s(-1))), "axis", 0L);
            b.output(b.node("Reshape", List.of(x, target)), DataType.FLOAT32);
            OpCheck.assertMatchesOrt(b.toBytes(), DataType.FLOAT32);
            assertEquals(List.of("Reshape"), remainingOps(b.toBytes()));
        }
    }

    /** Shape arithmetic: [d0 * d1, d2 / 2, 2] with Mul, Div, Slice, Squeeze, and a Where guarding zeros. */
    @Test
    void shapeArithmetic() {
        OnnxBuilder b = new OnnxBuilder("shape_math", 13);
        String x = b.input("x", DataType.FLOAT32, 2, 3, 4);
        String shape = b.node("Shape", List.of(x));
        String d01 = b.node("Slice", List.of(shape, b.initializer("s0", OpCheck.int64s(0)), b.initializer("e2", OpCheck.int64s(2))));
        String d0 = b.node("Gather", List.of(d01, b.initializer("i0", scalar64(0))));
        String d1 = b.node("Gather", List.of(d01, b.initializer("i1", OpCheck.int64s(1))));
        String prod = b.node("Mul", List.of(b.node("Unsqueeze", List.of(d0, b.initializer("a0", OpCheck.int64s(0)))), d1));
        String d2 = b.node("Squeeze", List.of(b.node("Slice", List.of(shape, b.initializer("s2", OpCheck.int64s(2)),
                b.initializer("e3", OpCheck.int64s(3))))));
        String half = b.node("Div", List.of(b.node("Sub", List.of(d2, b.initializer("zero", scalar64(0)))), b.initializer("two", scalar64(2))));
        String halfVec = b.node("Unsqueeze", List.of(half, b.initializer("a1", OpCheck.int64s(0))));
        String target = b.node("Concat", List.of(prod, halfVec, b.initializer("last", OpCheck.int64s(0))), "axis", 0L);
        // Where(Equal(target, 0), 2, target): the zero becomes 2
        String isZero = b.node("Equal", List.of(target, b.initializer("z", OpCheck.int64s(0))));
        String fixed = b.node("Where", List.of(isZero, b.initializer("two_vec", OpCheck.int64s(2)), target));
        b.output(b.node("Reshape", List.of(b.node("Add", List.of(x, x)), fixed)), DataType.FLOAT32);
        byte[] model = b.toBytes();
        OpCheck.assertMatchesOrt(model, DataType.FLOAT32);
        var compiled = new Compiler().compile(model, CompileOptions.defaults());
        assertEquals(List.of(6, 2, 2), java.util.Arrays.stream(compiled.signature().outputs().get(0).type().shape().dims())
                .boxed().toList());
        assertEquals(List.of("Add", "Reshape"), remainingOps(model));
    }

    /** Folded integer and float arithmetic agrees with ONNX Runtime, including truncating negative division. */
    @Test
    void foldedArithmeticMatchesOrt() {
        for (DataType t : List.of(DataType.INT64, DataType.INT32, DataType.FLOAT32, DataType.FLOAT64)) {
            for (String op : List.of("Add", "Sub", "Mul", "Div")) {
                OnnxBuilder b = new OnnxBuilder("fold", 13);
                String a = b.initializer("a", Tensor.ofDoubles(t, Shape.of(2, 3), -7, 9, 5, 0, 100, -3));
                String c = b.initializer("c", Tensor.ofDoubles(t, Shape.of(3), 2, -4, 3));
                String folded = b.node(op, List.of(a, c));
                // consumed by a run-time Add so that ONNX Runtime and edgec both have an input
                String x = b.input("x", t, 2, 3);
                b.output(b.node("Add", List.of(folded, x)), t);
                OpCheck.assertMatchesOrt(b.toBytes(), t);
            }
        }
    }

    /** Expand, Equal, Where, Concat and Unsqueeze on small constants fold to what ONNX Runtime computes. */
    @Test
    void foldedDataMovementMatchesOrt() {
        for (DataType t : List.of(DataType.INT64, DataType.FLOAT32)) {
            OnnxBuilder b = new OnnxBuilder("fold_moves", 13);
            String a = b.initializer("a", Tensor.ofDoubles(t, Shape.of(3, 1), 1, 0, 2));
            String wide = b.node("Expand", List.of(a, b.initializer("shape", OpCheck.int64s(2, 3, 4))));
            String zero = b.initializer("zero", Tensor.ofDoubles(t, Shape.scalar(), 0));
            String isZero = b.node("Equal", List.of(wide, zero));
            String fixed = b.node("Where", List.of(isZero, b.initializer("nine", Tensor.ofDoubles(t, Shape.of(4), 9, 8, 7, 6)), wide));
            String joined = b.node("Concat", List.of(fixed, b.node("Unsqueeze", List.of(
                    b.initializer("row", Tensor.ofDoubles(t, Shape.of(3, 4), 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)),
                    b.initializer("axis0", OpCheck.int64s(0))))), "axis", 0L);
            String x = b.input("x", t, 3, 3, 4);
            b.output(b.node("Add", List.of(joined, x)), t);
            OpCheck.assertMatchesOrt(b.toBytes(), t);
            assertEquals(List.of("Add"), remainingOps(b.toBytes()));
        }
    }
}
