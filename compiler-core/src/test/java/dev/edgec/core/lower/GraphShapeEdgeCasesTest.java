package dev.edgec.core.lower;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.edgec.core.CompileOptions;
import dev.edgec.core.Compiler;
import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Graphs whose outputs are inputs, constants, shared or empty still run through ABI v1. */
class GraphShapeEdgeCasesTest {
    private static ChicoryModule compile(OnnxBuilder b) {
        return new ChicoryModule(new Compiler().compile(b.toBytes(), CompileOptions.defaults()).moduleBytes());
    }

    @Test
    void outputIsAnInput() {
        OnnxBuilder b = new OnnxBuilder("id", 13);
        String x = b.input("x", DataType.FLOAT32, 3);
        b.output(x, DataType.FLOAT32);
        ChicoryModule m = compile(b);
        m.input(0, 1, -2, 3);
        assertEquals(0, m.run());
        assertArrayEquals(new float[] {1, -2, 3}, m.output(0, 3));
    }

    @Test
    void outputIsAConstantAndAnotherIsComputed() {
        OnnxBuilder b = new OnnxBuilder("c", 13);
        String x = b.input("x", DataType.FLOAT32, 2);
        b.nodeWithOutputs("Constant", List.of(), List.of("k"), "value", Tensor.ofFloats(Shape.of(2), 7, 8));
        b.output(b.node("Add", List.of(x, "k")), DataType.FLOAT32);
        b.output("k", DataType.FLOAT32);
        ChicoryModule m = compile(b);
        m.input(0, 1, 2);
        assertEquals(0, m.run());
        assertArrayEquals(new float[] {8, 10}, m.output(0, 2));
        assertArrayEquals(new float[] {7, 8}, m.output(1, 2));
    }

    @Test
    void outputAlsoFeedsALaterNode() {
        OnnxBuilder b = new OnnxBuilder("s", 13);
        String x = b.input("x", DataType.FLOAT32, 4);
        String r = b.node("Relu", List.of(x));
        String s = b.node("Add", List.of(r, x));
        String t = b.node("Add", List.of(s, s));
        b.output(r, DataType.FLOAT32);
        b.output(t, DataType.FLOAT32);
        ChicoryModule m = compile(b);
        m.input(0, -1, 2, -3, 4);
        assertEquals(0, m.run());
        assertArrayEquals(new float[] {0, 2, 0, 4}, m.output(0, 4));
        assertArrayEquals(new float[] {-2, 8, -6, 16}, m.output(1, 4));
        // running again on the same inputs gives the same outputs (inputs are not clobbered)
        assertEquals(0, m.run());
        assertArrayEquals(new float[] {-2, 8, -6, 16}, m.output(1, 4));
    }

    @Test
    void emptyTensors() {
        OnnxBuilder b = new OnnxBuilder("e", 13);
        String x = b.input("x", DataType.FLOAT32, 0, 3);
        String y = b.input("y", DataType.FLOAT32, 3);
        b.output(b.node("Add", List.of(x, y)), DataType.FLOAT32);
        ChicoryModule m = compile(b);
        m.input(1, 1, 2, 3);
        assertEquals(0, m.run());
    }
}
