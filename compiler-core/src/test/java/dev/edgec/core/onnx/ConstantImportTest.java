package dev.edgec.core.onnx;

import static dev.edgec.core.onnx.Imports.graph;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgec.ir.DataType;
import dev.edgec.ir.Graph;
import dev.edgec.ir.InvalidModelException;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.TensorType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Constant nodes and initializers become graph constants. */
class ConstantImportTest {
    /** x + (Constant with one attribute) -> output; returns the imported constant. */
    private static Tensor constantOf(DataType xType, long[] xDims, String attr, Object value) {
        OnnxBuilder b = new OnnxBuilder("c", 13);
        String x = b.input("x", xType, xDims);
        b.nodeWithOutputs("Constant", List.of(), List.of("c"), attr, value);
        String y = b.node("Add", List.of(x, "c"));
        b.output(y, xType);
        Graph g = graph(b);
        assertEquals(1, g.nodes().size(), "the Constant node is gone");
        return g.constant("c").orElseThrow();
    }

    @Test
    void valueTensor() {
        Tensor t = Tensor.ofFloats(Shape.of(2, 2), 1, 2, 3, 4);
        assertEquals(t, constantOf(DataType.FLOAT32, new long[] {2, 2}, "value", t));
    }

    @Test
    void valueFloatAndFloats() {
        assertEquals(Tensor.ofFloats(Shape.scalar(), 2.5f), constantOf(DataType.FLOAT32, new long[] {3}, "value_float", 2.5f));
        Tensor fs = constantOf(DataType.FLOAT32, new long[] {3}, "value_floats", new float[] {1, -2, 3});
        assertEquals(new TensorType(DataType.FLOAT32, Shape.of(3)), fs.type());
        assertArrayEquals(new float[] {1, -2, 3}, fs.toFloats());
    }

    @Test
    void valueIntAndInts() {
        Tensor i = constantOf(DataType.INT64, new long[] {2}, "value_int", 7L);
        assertEquals(Tensor.ofLongs(DataType.INT64, Shape.scalar(), 7), i);
        Tensor is = constantOf(DataType.INT64, new long[] {2}, "value_ints", new long[] {Long.MIN_VALUE, 5});
        assertEquals(Tensor.ofLongs(DataType.INT64, Shape.of(2), Long.MIN_VALUE, 5), is);
    }

    @Test
    void constantWithTwoValuesOrAnInputIsRejected() {
        OnnxBuilder b = new OnnxBuilder("c", 13);
        String x = b.input("x", DataType.FLOAT32, 1);
        b.nodeWithOutputs("Constant", List.of(), List.of("c"), "value_float", 1f, "value_int", 1L);
        b.output(b.node("Add", List.of(x, "c")), DataType.FLOAT32);
        assertThrows(InvalidModelException.class, () -> graph(b));

        OnnxBuilder b2 = new OnnxBuilder("c", 13);
        String x2 = b2.input("x", DataType.FLOAT32, 1);
        b2.nodeWithOutputs("Constant", List.of(), List.of("c"), "value_int", 1.5f);
        b2.output(b2.node("Add", List.of(x2, "c")), DataType.FLOAT32);
        String m = assertThrows(InvalidModelException.class, () -> graph(b2)).getMessage();
        assertTrue(m.contains("Constant") && m.contains("FLOAT"), m);
    }

    @Test
    void initializerThatIsAlsoAnInputBecomesAConstant() {
        OnnxBuilder b = new OnnxBuilder("c", 13);
        String x = b.input("x", DataType.FLOAT32, 3);
        b.input("w", DataType.FLOAT32, 3);
        Tensor w = Tensor.ofFloats(Shape.of(3), 4, 5, 6);
        b.initializer("w", w);
        b.output(b.node("Add", List.of(x, "w")), DataType.FLOAT32);
        Graph g = graph(b);
        assertEquals(List.of("x"), g.inputs().stream().map(v -> v.name()).toList());
        assertEquals(w, g.constant("w").orElseThrow());
        assertFalse(g.isGraphInput("w"));
    }

    @Test
    void initializerDefinedTwiceOrUnnamedIsRejected() {
        OnnxBuilder b = new OnnxBuilder("c", 13);
        String x = b.input("x", DataType.FLOAT32, 1);
        b.initializer("w", Tensor.ofFloats(Shape.of(1), 1));
        b.initializer("w", Tensor.ofFloats(Shape.of(1), 2));
        b.output(b.node("Add", List.of(x, "w")), DataType.FLOAT32);
        assertTrue(assertThrows(InvalidModelException.class, () -> graph(b)).getMessage().contains("twice"));

        OnnxBuilder b2 = new OnnxBuilder("c", 13);
        String x2 = b2.input("x", DataType.FLOAT32, 1);
        b2.initializer("", Tensor.ofFloats(Shape.of(1), 1));
        b2.output(b2.node("Relu", List.of(x2)), DataType.FLOAT32);
        assertThrows(InvalidModelException.class, () -> graph(b2));
    }
}
