package dev.edgec.core.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgec.ir.DataType;
import dev.edgec.ir.InvalidModelException;
import dev.edgec.ir.LimitExceededException;
import dev.edgec.ir.TensorType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Symbolic dimensions are fixed with --input-shape; sizes are checked before anything is allocated. */
class InputShapeTest {
    private static OnnxBuilder symbolic() {
        OnnxBuilder b = new OnnxBuilder("s", 13);
        String x = b.inputSymbolic("x", DataType.FLOAT32, "N", 3);
        b.output(b.node("Relu", List.of(x)), DataType.FLOAT32);
        return b;
    }

    @Test
    void symbolicDimensionWithoutAShapeNamesInputAndDimension() {
        String m = assertThrows(InvalidModelException.class, () -> Imports.graph(symbolic())).getMessage();
        assertTrue(m.contains("'x'") && m.contains("dimension 0") && m.contains("'N'") && m.contains("--input-shape"), m);
    }

    @Test
    void givenShapeFixesIt() {
        var g = Imports.graphWithShapes(symbolic(), Map.of("x", new long[] {5, 3}));
        assertEquals(TensorType.of(DataType.FLOAT32, 5, 3), g.inputs().get(0).type());
        assertEquals(TensorType.of(DataType.FLOAT32, 5, 3), g.outputs().get(0).type());
    }

    @Test
    void wrongShapesAreRejected() {
        String m = assertThrows(EdgecUsageException.class,
                () -> Imports.graphWithShapes(symbolic(), Map.of("x", new long[] {5, 3, 1}))).getMessage();
        assertTrue(m.contains("rank"), m);
        // the model fixes dimension 1 to 3
        assertThrows(EdgecUsageException.class, () -> Imports.graphWithShapes(symbolic(), Map.of("x", new long[] {5, 4})));
        assertThrows(EdgecUsageException.class, () -> Imports.graphWithShapes(symbolic(), Map.of("y", new long[] {5, 3})));
    }

    @Test
    void hugeDeclaredDimensionsExceedTheLimit() {
        OnnxBuilder b = new OnnxBuilder("h", 13);
        String x = b.input("x", DataType.FLOAT32, 1L << 20, 1L << 20, 1L << 20);
        b.output(b.node("Relu", List.of(x)), DataType.FLOAT32);
        String m = assertThrows(LimitExceededException.class, () -> Imports.graph(b)).getMessage();
        assertTrue(m.contains("'x'"), m);
        assertThrows(LimitExceededException.class,
                () -> Imports.graphWithShapes(symbolic(), Map.of("x", new long[] {Long.MAX_VALUE / 2, 3})));
        OnnxBuilder neg = new OnnxBuilder("n", 13);
        String y = neg.input("x", DataType.FLOAT32, -2, 3);
        neg.output(neg.node("Relu", List.of(y)), DataType.FLOAT32);
        assertThrows(InvalidModelException.class, () -> Imports.graph(neg));
    }
}
