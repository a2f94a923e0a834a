package dev.edgec.harness.ops;

import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.UnsupportedModelException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Clip against ONNX Runtime: bounds as attributes (opset 6) and as optional constant inputs (11+), NaN inputs. */
class ClipTest {
    static Stream<Arguments> inputBounds() {
        List<Arguments> a = new ArrayList<>();
        for (DataType t : List.of(DataType.FLOAT32, DataType.FLOAT64, DataType.INT8, DataType.UINT8, DataType.INT32,
                DataType.INT64)) {
            a.add(Arguments.of(t, -3.0, 4.0));
            a.add(Arguments.of(t, null, 2.0));
            a.add(Arguments.of(t, 1.0, null));
            a.add(Arguments.of(t, null, null));
            a.add(Arguments.of(t, 5.0, 2.0)); // min > max: everything becomes max
        }
        return a.stream();
    }

    @ParameterizedTest
    @MethodSource("inputBounds")
    void boundsAsInputs(DataType t, Double lo, Double hi) {
        OnnxBuilder b = new OnnxBuilder("clip", 13);
        String x = b.input("x0", t, 3, 4, 5);
        List<String> ins = new ArrayList<>(List.of(x,
                lo == null ? "" : b.initializer("lo", Tensor.ofDoubles(t, Shape.scalar(), lo)),
                hi == null ? "" : b.initializer("hi", Tensor.ofDoubles(t, Shape.scalar(), hi))));
        while (ins.get(ins.size() - 1).isEmpty()) {
            ins.remove(ins.size() - 1);
        }
        b.output(b.node("Clip", ins), t);
        OpCheck.assertMatchesOrt(b.toBytes(), OpCheck.randomInputs(List.of(t), List.<int[]>of(new int[]{3, 4, 5}), 3, -8, 8), t);
    }

    @ParameterizedTest
    @MethodSource("attributeBounds")
    void boundsAsAttributes(Object[] attrs) {
        byte[] model = OpCheck.unary("Clip", 6, DataType.FLOAT32, new int[]{4, 6}, attrs);
        OpCheck.assertMatchesOrt(model, OpCheck.randomInputs(List.of(DataType.FLOAT32), List.<int[]>of(new int[]{4, 6}), 3, -8, 8),
                DataType.FLOAT32);
    }

    static Stream<Arguments> attributeBounds() {
        return Stream.of(new Object[0], new Object[]{"min", -1f, "max", 1f}, new Object[]{"min", 0f},
                new Object[]{"max", 0.5f}).map(a -> Arguments.of((Object) a));
    }

    @Test
    void nanStaysNan() {
        OnnxBuilder b = new OnnxBuilder("clip", 13);
        String x = b.input("x0", DataType.FLOAT32, 4);
        b.output(b.node("Clip", List.of(x, b.initializer("lo", Tensor.ofFloats(Shape.scalar(), -1f)),
                b.initializer("hi", Tensor.ofFloats(Shape.scalar(), 1f)))), DataType.FLOAT32);
        Tensor in = Tensor.ofFloats(Shape.of(4), Float.NaN, 3f, -3f, Float.NEGATIVE_INFINITY);
        OpCheck.assertMatchesOrt(b.toBytes(), Map.of("x0", in), DataType.FLOAT32);
    }

    @Test
    void rejectsBoundComputedAtRunTime() {
        OnnxBuilder b = new OnnxBuilder("clip", 13);
        String x = b.input("x0", DataType.FLOAT32, 4);
        String lo = b.input("lo", DataType.FLOAT32);
        b.output(b.node("Clip", List.of(x, lo)), DataType.FLOAT32);
        OpCheck.assertRejected(b.toBytes(), UnsupportedModelException.class, "Clip", "must be a constant");
    }
}
