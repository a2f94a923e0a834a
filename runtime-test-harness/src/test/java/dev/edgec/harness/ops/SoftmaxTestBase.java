package dev.edgec.harness.ops;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgec.core.CompileOptions;
import dev.edgec.core.Compiler;
import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.harness.ModelCheck;
import dev.edgec.harness.RandomTensors;
import dev.edgec.harness.Tolerance;
import dev.edgec.cli.runtime.ChicoryRuntime;
import dev.edgec.ir.DataType;
import dev.edgec.ir.InvalidModelException;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.TensorType;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shared cases of SoftmaxTest and LogSoftmaxTest against ONNX Runtime, with the opset-13 change: before it the input is
 * coerced to 2-D at axis (default 1), from it one axis (default -1) is normalised.
 */
abstract class SoftmaxTestBase {
    /** "Softmax" or "LogSoftmax". */
    abstract String op();

    static byte[] model(String op, int opset, long[] shape, Long axis) {
        OnnxBuilder b = new OnnxBuilder("softmax", opset);
        String x = b.input("x", DataType.FLOAT32, shape);
        String y = axis == null ? b.node(op, List.of(x)) : b.node(op, List.of(x), "axis", axis);
        b.output(y, DataType.FLOAT32);
        return b.toBytes();
    }

    private static long[] s(long... d) {
        return d;
    }

    static Stream<Arguments> cases() {
        Stream.Builder<Arguments> out = Stream.builder();
        for (int opset : List.of(11, 13)) {
            out.add(Arguments.of(opset, s(2, 10), null));
            out.add(Arguments.of(opset, s(2, 3, 4), null));
            out.add(Arguments.of(opset, s(2, 3, 4), 0L));
            out.add(Arguments.of(opset, s(2, 3, 4), 1L));
            out.add(Arguments.of(opset, s(2, 3, 4), -1L));
            out.add(Arguments.of(opset, s(3, 1, 5, 2), 2L));
            out.add(Arguments.of(opset, s(7), 0L));
        }
        out.add(Arguments.of(1, s(4, 6), null));
        out.add(Arguments.of(21, s(1, 10), null));
        return out.build();
    }

    @ParameterizedTest(name = "opset {0} shape {1} axis {2}")
    @MethodSource("cases")
    void matchesOnnxRuntime(int opset, long[] shape, Long axis) {
        assertNull(ModelCheck.mismatchOnRandomInputs(model(op(), opset, shape, axis), 4, Tolerance.ONNX_BACKEND));
    }

    /** Large logits: without subtracting the max, exp would overflow to infinity. */
    @Test
    void largeLogitsStayFinite() {
        byte[] model = model(op(), 13, s(3, 8), null);
        Tensor x = RandomTensors.uniform(new TensorType(DataType.FLOAT32, Shape.of(3, 8)), new Random(5), -100, 300);
        assertNull(ModelCheck.mismatch(model, Map.of("x", x), Tolerance.ONNX_BACKEND, new ChicoryRuntime()));
    }

    @Test
    void axisOutOfRangeNamesTheNode() {
        InvalidModelException e = assertThrows(InvalidModelException.class,
                () -> new Compiler().compile(model(op(), 13, s(2, 3), 2L), CompileOptions.defaults()));
        assertTrue(e.getMessage().contains(op() + " '" + op() + "_1'") && e.getMessage().contains("axis 2"), e.getMessage());
    }
}
