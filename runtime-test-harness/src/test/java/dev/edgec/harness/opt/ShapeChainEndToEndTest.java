package dev.edgec.harness.opt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.harness.RandomTensors;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Node;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.TensorType;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Transpose and Reshape chains simplified at -O1 give ONNX Runtime's results, as -O0 does. */
class ShapeChainEndToEndTest {
    private static List<String> ops(byte[] model) {
        return LevelCheck.compile(model, 1).graph().nodes().stream().map(Node::opType).toList();
    }

    @Test
    void twoTransposesBecomeOne() {
        OnnxBuilder b = new OnnxBuilder("tt", 13);
        String x = b.input("x", DataType.FLOAT32, 2, 3, 4, 5);
        String t1 = b.node("Transpose", List.of(x), "perm", new long[] {0, 2, 3, 1});
        String t2 = b.node("Transpose", List.of(t1), "perm", new long[] {3, 1, 0, 2});
        b.output(b.node("Relu", List.of(t2)), DataType.FLOAT32);
        byte[] model = b.toBytes();
        assertEquals(List.of("Transpose", "Relu"), ops(model));
        assertNull(LevelCheck.mismatchAtBothLevels(model, 1));
    }

    @Test
    void inverseTransposesVanish() {
        OnnxBuilder b = new OnnxBuilder("inverse", 13);
        String x = b.input("x", DataType.FLOAT32, 2, 3, 4);
        String t1 = b.node("Transpose", List.of(x), "perm", new long[] {1, 2, 0});
        String t2 = b.node("Transpose", List.of(t1), "perm", new long[] {2, 0, 1});
        b.output(b.node("Sigmoid", List.of(t2)), DataType.FLOAT32);
        byte[] model = b.toBytes();
        assertEquals(List.of("Sigmoid"), ops(model));
        assertNull(LevelCheck.mismatchAtBothLevels(model, 2));
    }

    @Test
    void reshapeChainsCollapse() {
        OnnxBuilder b = new OnnxBuilder("rr", 13);
        String x = b.input("x", DataType.FLOAT32, 2, 3, 4);
        String f = b.node("Flatten", List.of(x), "axis", 2L);
        String r1 = b.node("Reshape", List.of(f, b.initializer("s1", Tensor.ofLongs(DataType.INT64, Shape.of(2), 4, -1))));
        String r2 = b.node("Reshape", List.of(r1, b.initializer("s2", Tensor.ofLongs(DataType.INT64, Shape.of(3), 0, 3, 2))));
        b.output(b.node("Neg", List.of(r2)), DataType.FLOAT32);
        byte[] model = b.toBytes();
        assertEquals(List.of("Reshape", "Neg"), ops(model));
        assertNull(LevelCheck.mismatchAtBothLevels(model, 3));
    }

    @Test
    void constantsAreTransposedAndReshapedAtCompileTime() {
        Random r = new Random(4);
        OnnxBuilder b = new OnnxBuilder("constants", 13);
        String x = b.input("x", DataType.FLOAT32, 4, 3, 2);
        String c = b.initializer("c", RandomTensors.of(new TensorType(DataType.FLOAT32, Shape.of(2, 3, 4)), r));
        String ct = b.node("Transpose", List.of(c));
        String d = b.initializer("d", RandomTensors.of(new TensorType(DataType.FLOAT32, Shape.of(24)), r));
        String dr = b.node("Reshape", List.of(d, b.initializer("s", Tensor.ofLongs(DataType.INT64, Shape.of(3), 4, 3, 2))));
        String sum = b.node("Add", List.of(x, ct));
        b.output(b.node("Mul", List.of(sum, dr)), DataType.FLOAT32);
        byte[] model = b.toBytes();
        assertEquals(List.of("Add", "Mul"), ops(model));
        assertNull(LevelCheck.mismatchAtBothLevels(model, 4));
    }
}
