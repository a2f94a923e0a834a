package dev.edgec.harness.opt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.edgec.core.CompileResult;
import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.harness.RandomTensors;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.TensorType;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Elementwise kernels that write over their dying input, and the peak-aware order, keep ONNX
 * Runtime's results while shrinking the arena.
 */
class InPlaceEndToEndTest {
    private static final long FLOATS_BYTES = 1000 * 4;

    @Test
    void anElementwiseChainRunsInOneBuffer() {
        OnnxBuilder b = new OnnxBuilder("chain", 13);
        String x = b.input("x", DataType.FLOAT32, 10, 100);
        String a = b.node("Exp", List.of(x));
        String c = b.node("Neg", List.of(a));
        String d = b.node("Add", List.of(c, b.initializer("k", RandomTensors.of(new TensorType(DataType.FLOAT32, Shape.of(100)),
                new Random(1)))));
        String e = b.node("Clip", List.of(d, b.initializer("lo", dev.edgec.ir.Tensor.ofFloats(Shape.scalar(), -2f))));
        String f = b.node("Mul", List.of(e, e));
        b.output(b.node("Tanh", List.of(f)), DataType.FLOAT32);
        byte[] model = b.toBytes();
        CompileResult o1 = LevelCheck.compile(model, 1);
        // input and output must stay apart; every intermediate reuses one buffer
        assertEquals(3 * FLOATS_BYTES, o1.assembled().arena().size());
        assertNull(LevelCheck.mismatchAtBothLevels(model, 5));
    }

    @Test
    void aResidualAddWritesOverTheBranchThatDies() {
        OnnxBuilder b = new OnnxBuilder("residual", 13);
        String x = b.input("x", DataType.FLOAT32, 10, 100);
        String s = b.node("Sigmoid", List.of(x));
        String t = b.node("Tanh", List.of(s));
        String sum = b.node("Add", List.of(s, t));
        String broadcast = b.node("Sub", List.of(b.initializer("one", dev.edgec.ir.Tensor.ofFloats(Shape.of(1), 1f)), sum));
        b.output(b.node("Relu", List.of(broadcast)), DataType.FLOAT32);
        byte[] model = b.toBytes();
        CompileResult o1 = LevelCheck.compile(model, 1);
        // x; s, which Add, Sub take over; t, whose bytes the output y reuses once Add has read it
        assertEquals(3 * FLOATS_BYTES, o1.assembled().arena().size());
        assertNull(LevelCheck.mismatchAtBothLevels(model, 6));
    }

    @Test
    void aValueReadLaterIsNotOverwritten() {
        OnnxBuilder b = new OnnxBuilder("later", 13);
        String x = b.input("x", DataType.FLOAT32, 4, 25);
        String a = b.node("Exp", List.of(x));
        String r = b.node("Reshape", List.of(a, b.initializer("s", dev.edgec.ir.Tensor.ofLongs(DataType.INT64, Shape.of(2), 25, 4))));
        String n = b.node("Neg", List.of(a));
        String rn = b.node("Reshape", List.of(n, b.initializer("s2", dev.edgec.ir.Tensor.ofLongs(DataType.INT64, Shape.of(2), 25, 4))));
        b.output(b.node("Add", List.of(rn, r)), DataType.FLOAT32);
        assertNull(LevelCheck.mismatchAtBothLevels(b.toBytes(), 7));
    }
}
