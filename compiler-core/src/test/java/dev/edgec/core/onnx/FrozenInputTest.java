package dev.edgec.core.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgec.ir.DataType;
import dev.edgec.ir.Graph;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** --freeze-input bakes an input in as a constant, but only a value of the declared type. */
class FrozenInputTest {
    private static Graph frozen(Tensor value) {
        OnnxBuilder b = new OnnxBuilder("f", 13);
        String x = b.input("x", DataType.FLOAT32, 2);
        String y = b.inputSymbolic("y", DataType.FLOAT32, "N", 2);
        b.output(b.node("Add", List.of(x, y)), DataType.FLOAT32);
        return Imports.importer(new ImportOptions(Map.of(), Map.of("y", value), null, ImportOptions.DEFAULT_MAX_TENSOR_BYTES))
                .importModel(b.toBytes()).graph();
    }

    @Test
    void frozenInputBecomesAConstant() {
        Tensor y = Tensor.ofFloats(Shape.of(3, 2), 1, 2, 3, 4, 5, 6);
        Graph g = frozen(y);
        assertEquals(List.of("x"), g.inputs().stream().map(v -> v.name()).toList());
        assertEquals(y, g.constant("y").orElseThrow());
        assertEquals(Shape.of(3, 2), g.outputs().get(0).type().shape());
    }

    @Test
    void wrongTypeOrShapeIsAUsageError() {
        String m = assertThrows(EdgecUsageException.class,
                () -> frozen(Tensor.ofLongs(DataType.INT64, Shape.of(1, 2), 1, 2))).getMessage();
        assertTrue(m.contains("y") && m.contains("float32"), m);
        assertThrows(EdgecUsageException.class, () -> frozen(Tensor.ofFloats(Shape.of(1, 3), 1, 2, 3)));
        assertThrows(EdgecUsageException.class, () -> frozen(Tensor.ofFloats(Shape.of(2), 1, 2)));
    }
}
