package dev.edgec.cli;

import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Small ONNX models for the command-line tests, built with {@link OnnxBuilder} (only Add and Relu are needed). */
public final class TestModels {
    private TestModels() {
    }

    /** {@code out = Relu(x + y)} with x and y of the given shape. */
    public static byte[] addRelu(long... dims) {
        OnnxBuilder b = new OnnxBuilder("add_relu", 13);
        String x = b.input("x", DataType.FLOAT32, dims);
        String y = b.input("y", DataType.FLOAT32, dims);
        String s = b.node("Add", List.of(x, y));
        b.nodeWithOutputs("Relu", List.of(s), List.of("out"));
        return b.output("out", DataType.FLOAT32).toBytes();
    }

    /** Like {@link #addRelu} but x and y have the symbolic shape {@code [N, 4]}. */
    public static byte[] symbolicAddRelu() {
        OnnxBuilder b = new OnnxBuilder("symbolic", 13);
        String x = b.inputSymbolic("x", DataType.FLOAT32, "N", 4);
        String y = b.inputSymbolic("y", DataType.FLOAT32, "N", 4);
        String s = b.node("Add", List.of(x, y));
        b.nodeWithOutputs("Relu", List.of(s), List.of("out"));
        return b.output("out", DataType.FLOAT32).toBytes();
    }

    /** {@code out = Relu(x + w)} where w is an initializer of {@code n} floats. */
    public static byte[] addInitializer(int n) {
        OnnxBuilder b = new OnnxBuilder("add_const", 13);
        String x = b.input("x", DataType.FLOAT32, 1, n);
        float[] w = new float[n];
        for (int i = 0; i < n; i++) {
            w[i] = i - n / 2f;
        }
        String c = b.initializer("w", Tensor.ofFloats(Shape.of(1, n), w));
        String s = b.node("Add", List.of(x, c));
        b.nodeWithOutputs("Relu", List.of(s), List.of("out"));
        return b.output("out", DataType.FLOAT32).toBytes();
    }

    /** Two operators no ONNX opset defines, so the model stays unsupported whatever operators are added later. */
    public static byte[] twoUnsupportedOperators() {
        OnnxBuilder b = new OnnxBuilder("unsupported", 13);
        String x = b.input("x", DataType.FLOAT32, 1, 4);
        b.nodeWithOutputs("NoSuchOpA", List.of(x), List.of("a")).setName("decode_head");
        b.nodeWithOutputs("Relu", List.of("a"), List.of("r")).setName("act");
        b.nodeWithOutputs("NoSuchOpB", List.of("r"), List.of("out")).setName("postprocess");
        return b.output("out", DataType.FLOAT32).toBytes();
    }

    /** Relu, which has no attributes, given one called {@code alpha}. */
    public static byte[] unknownAttribute() {
        OnnxBuilder b = new OnnxBuilder("bad_attr", 13);
        String x = b.input("x", DataType.FLOAT32, 1, 4);
        b.nodeWithOutputs("Relu", List.of(x), List.of("out"), "alpha", 0.5f).setName("act");
        return b.output("out", DataType.FLOAT32).toBytes();
    }

    public static Path write(Path dir, String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
