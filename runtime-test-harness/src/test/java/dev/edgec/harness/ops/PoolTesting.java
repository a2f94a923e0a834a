package dev.edgec.harness.ops;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgec.core.CompileOptions;
import dev.edgec.core.Compiler;
import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.ir.DataType;
import dev.edgec.ir.EdgecException;
import java.util.List;

/** Builds one-node pooling models for the pooling tests. */
final class PoolTesting {
    private PoolTesting() {
    }

    static byte[] model(String op, int opset, int[] x, Object... attributes) {
        OnnxBuilder b = new OnnxBuilder(op.toLowerCase(), opset);
        String xi = b.input("x", DataType.FLOAT32, ConvTest.toLongs(x));
        b.output(b.node(op, List.of(xi), attributes), DataType.FLOAT32);
        return b.toBytes();
    }

    /** Asserts that compiling fails with an edgec error of type {@code type} naming the node and saying {@code expected}. */
    static void assertError(Class<? extends EdgecException> type, byte[] model, String op, String expected) {
        EdgecException e = assertThrows(type, () -> new Compiler().compile(model, CompileOptions.defaults()));
        assertTrue(e.getMessage().startsWith(op + " '" + op + "_") && e.getMessage().contains(expected), e.getMessage());
    }
}
