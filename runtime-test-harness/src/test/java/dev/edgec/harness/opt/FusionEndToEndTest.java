package dev.edgec.harness.opt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.harness.RandomTensors;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Graph;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.TensorType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bias-add folding and activation fusion against ONNX Runtime: a Conv, Gemm or MatMul followed by an
 * Add of a per-channel constant and an activation compiles, at -O1, to the producer alone, and both
 * -O0 and -O1 match ONNX Runtime.
 */
class FusionEndToEndTest {
    private static final List<String> ACTIVATIONS = List.of("Relu", "Clip", "LeakyRelu", "Sigmoid", "HardSigmoid",
            "HardSwish", "Tanh");

    static Stream<Arguments> producersAndActivations() {
        List<Arguments> out = new ArrayList<>();
        for (String producer : List.of("Conv", "Gemm", "MatMul2D", "MatMul3D")) {
            for (String act : ACTIVATIONS) {
                out.add(Arguments.of(producer, act));
            }
        }
        return out.stream();
    }

    private static Tensor random(Random r, int... dims) {
        return RandomTensors.of(new TensorType(DataType.FLOAT32, Shape.of(dims)), r);
    }

    static byte[] model(String producer, String act) {
        Random r = new Random(producer.hashCode() * 31L + act.hashCode());
        OnnxBuilder b = new OnnxBuilder("fusion", 14);
        String t;
        String bias;
        switch (producer) {
            case "Conv" -> {
                String x = b.input("x", DataType.FLOAT32, 1, 3, 6, 5);
                t = b.node("Conv", List.of(x, b.initializer("w", random(r, 4, 3, 3, 3))), "pads", new long[] {1, 1, 1, 1});
                bias = b.initializer("bias", random(r, 1, 4, 1, 1));
            }
            case "Gemm" -> {
                String a = b.input("a", DataType.FLOAT32, 3, 5);
                t = b.node("Gemm", List.of(a, b.initializer("w", random(r, 4, 5)), b.initializer("c", random(r, 4))),
                        "transB", 1L, "beta", 0.5f);
                bias = b.initializer("bias", random(r, 1, 4));
            }
            case "MatMul2D" -> {
                String a = b.input("a", DataType.FLOAT32, 3, 5);
                t = b.node("MatMul", List.of(a, b.initializer("w", random(r, 5, 4))));
                bias = b.initializer("bias", random(r, 4));
            }
            default -> {
                String a = b.input("a", DataType.FLOAT32, 2, 3, 5);
                t = b.node("MatMul", List.of(a, b.initializer("w", random(r, 5, 4))));
                bias = b.initializer("bias", random(r, 4));
            }
        }
        String added = b.node("Add", List.of(bias, t));
        String y = switch (act) {
            case "Clip" -> b.node("Clip", List.of(added, b.initializer("lo", Tensor.ofFloats(Shape.scalar(), -0.5f)),
                    b.initializer("hi", Tensor.ofFloats(Shape.scalar(), 0.75f))));
            case "LeakyRelu" -> b.node("LeakyRelu", List.of(added), "alpha", 0.2f);
            case "HardSigmoid" -> b.node("HardSigmoid", List.of(added), "alpha", 0.3f, "beta", 0.4f);
            default -> b.node(act, List.of(added));
        };
        b.output(y, DataType.FLOAT32);
        return b.toBytes();
    }

    @ParameterizedTest(name = "{0} + Add + {1}")
    @MethodSource("producersAndActivations")
    void biasAndActivationFuseIntoTheProducer(String producer, String act) {
        byte[] model = model(producer, act);
        Graph optimized = LevelCheck.compile(model, 1).graph();
        assertEquals(1, optimized.nodes().size(), () -> "not fused: " + optimized.nodes());
        assertNull(LevelCheck.mismatchAtBothLevels(model, 3));
    }

    @ParameterizedTest(name = "Clip with only {0}")
    @MethodSource("clipBounds")
    void clipWithOneBoundFuses(String which) {
        Random r = new Random(5);
        OnnxBuilder b = new OnnxBuilder("clip", 13);
        String a = b.input("a", DataType.FLOAT32, 3, 5);
        String t = b.node("Gemm", List.of(a, b.initializer("w", random(r, 5, 4))));
        String bound = b.initializer("bound", Tensor.ofFloats(Shape.scalar(), 0.25f));
        String y = b.node("Clip", which.equals("min") ? List.of(t, bound) : List.of(t, "", bound));
        b.output(y, DataType.FLOAT32);
        byte[] model = b.toBytes();
        assertEquals(1, LevelCheck.compile(model, 1).graph().nodes().size());
        assertNull(LevelCheck.mismatchAtBothLevels(model, 4));
    }

    static Stream<String> clipBounds() {
        return Stream.of("min", "max");
    }

    @ParameterizedTest(name = "Conv + BatchNormalization + {0}")
    @MethodSource("activations")
    void batchNormThenActivationFuse(String act) {
        Random r = new Random(9);
        OnnxBuilder b = new OnnxBuilder("bn", 14);
        String x = b.input("x", DataType.FLOAT32, 1, 2, 5, 5);
        String t = b.node("Conv", List.of(x, b.initializer("w", random(r, 3, 2, 3, 3))));
        Tensor var = Tensor.ofFloats(Shape.of(3), 0.5f, 1.5f, 2f);
        String bn = b.node("BatchNormalization", List.of(t, b.initializer("s", random(r, 3)), b.initializer("bb", random(r, 3)),
                b.initializer("m", random(r, 3)), b.initializer("v", var)));
        String y = act.equals("Clip") ? b.node("Clip", List.of(bn, b.initializer("lo", Tensor.ofFloats(Shape.scalar(), 0f)),
                b.initializer("hi", Tensor.ofFloats(Shape.scalar(), 6f)))) : b.node(act, List.of(bn));
        b.output(y, DataType.FLOAT32);
        byte[] model = b.toBytes();
        assertEquals(1, LevelCheck.compile(model, 1).graph().nodes().size());
        assertNull(LevelCheck.mismatchAtBothLevels(model, 2));
    }

    static Stream<String> activations() {
        return ACTIVATIONS.stream();
    }
}
