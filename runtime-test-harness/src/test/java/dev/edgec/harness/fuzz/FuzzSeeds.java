package dev.edgec.harness.fuzz;

import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Valid models the fuzzer starts from: small hand-built graphs plus the zoo's committed models. */
final class FuzzSeeds {
    private FuzzSeeds() {
    }

    static List<byte[]> all() {
        List<byte[]> seeds = new ArrayList<>();
        seeds.add(addRelu());
        seeds.add(shapeArithmetic());
        Path zoo = Path.of(System.getProperty("edgec.repoRoot", "..")).resolve("models");
        if (Files.isDirectory(zoo)) {
            try (Stream<Path> s = Files.list(zoo)) {
                s.filter(p -> p.toString().endsWith(".onnx")).sorted().filter(p -> p.toFile().length() < 400_000)
                        .forEach(p -> seeds.add(read(p)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return seeds;
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] addRelu() {
        OnnxBuilder b = new OnnxBuilder("seed_add_relu", 13);
        String x = b.input("x", DataType.FLOAT32, 2, 3, 4);
        String bias = b.initializer("bias", Tensor.ofFloats(Shape.of(4), 1, -2, 3, -4));
        String y = b.node("Relu", List.of(b.node("Add", List.of(x, bias))));
        b.output(y, DataType.FLOAT32);
        return b.toBytes();
    }

    static byte[] shapeArithmetic() {
        OnnxBuilder b = new OnnxBuilder("seed_shape", 13);
        String x = b.input("x", DataType.FLOAT32, 1, 8);
        String shape = b.node("Shape", List.of(x));
        String zeros = b.node("ConstantOfShape", List.of(shape), "value", Tensor.ofFloats(Shape.of(1), 0.5f));
        b.output(b.node("Add", List.of(x, zeros)), DataType.FLOAT32);
        return b.toBytes();
    }
}
