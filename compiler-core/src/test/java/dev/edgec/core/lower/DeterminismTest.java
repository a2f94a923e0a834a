package dev.edgec.core.lower;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.edgec.core.CompileOptions;
import dev.edgec.core.Compiler;
import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DESIGN.md: the same model and options give byte-identical modules. */
class DeterminismTest {
    private static byte[] model() {
        OnnxBuilder b = new OnnxBuilder("det", 13);
        String x = b.input("x", DataType.FLOAT32, 2, 3);
        String y = b.input("y", DataType.FLOAT32, 3);
        String w = b.initializer("w", Tensor.ofFloats(Shape.of(2, 1), 1.5f, -2f));
        String v = b.initializer("v", Tensor.ofFloats(Shape.of(3), 4, 5, 6));
        String s = b.node("Add", List.of(x, y));
        String t = b.node("Relu", List.of(b.node("Add", List.of(s, w))));
        String u = b.node("Add", List.of(t, v));
        b.output(u, DataType.FLOAT32);
        b.output(b.node("Relu", List.of(s)), DataType.FLOAT32);
        return b.toBytes();
    }

    @Test
    void compilingTwiceGivesIdenticalBytes() {
        byte[] m = model();
        byte[] first = new Compiler().compile(m, CompileOptions.defaults()).moduleBytes();
        byte[] second = new Compiler().compile(m, CompileOptions.defaults()).moduleBytes();
        Compiler shared = new Compiler();
        byte[] third = shared.compile(model(), CompileOptions.defaults()).moduleBytes();
        byte[] fourth = shared.compile(model(), CompileOptions.defaults()).moduleBytes();
        assertArrayEquals(first, second);
        assertArrayEquals(first, third);
        assertArrayEquals(first, fourth);
    }
}
