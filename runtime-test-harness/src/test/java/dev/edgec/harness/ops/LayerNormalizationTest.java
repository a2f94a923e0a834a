package dev.edgec.harness.ops;

import static dev.edgec.harness.ops.ConvTest.dims;

import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.ir.DataType;
import dev.edgec.ir.InvalidModelException;
import dev.edgec.ir.UnsupportedModelException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** LayerNormalization against ONNX Runtime: axes, epsilon, optional bias and the Mean/InvStdDev outputs. */
class LayerNormalizationTest {

    static byte[] model(int[] x, int axis, boolean bias, int outputs, Object... attributes) {
        OnnxBuilder b = new OnnxBuilder("ln", 17);
        int a = axis < 0 ? axis + x.length : axis;
        int[] normalized = Arrays.copyOfRange(x, a, x.length);
        List<String> ins = new ArrayList<>(List.of(b.input("x0", DataType.FLOAT32, ConvTest.toLongs(x)),
                b.input("x1", DataType.FLOAT32, ConvTest.toLongs(normalized))));
        if (bias) {
            ins.add(b.input("x2", DataType.FLOAT32, ConvTest.toLongs(normalized)));
        }
        List<String> outs = List.of("y", "mean", "inv_std").subList(0, outputs);
        Object[] attrs = Stream.concat(Stream.of("axis", (long) axis), Arrays.stream(attributes)).toArray();
        b.nodeWithOutputs("LayerNormalization", ins, outs, attrs);
        for (String o : outs) {
            b.output(o, DataType.FLOAT32);
        }
        return b.toBytes();
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(dims(2, 8), -1, true, 1),
                Arguments.of(dims(3, 4, 5), 1, true, 3),
                Arguments.of(dims(2, 3, 4, 5), 0, false, 2),
                Arguments.of(dims(2, 3, 4, 5), -2, true, 3),
                Arguments.of(dims(1, 7, 33), 2, true, 1),
                Arguments.of(dims(6), 0, false, 3));
    }

    @ParameterizedTest(name = "x {0} axis {1} bias {2} outputs {3}")
    @MethodSource("cases")
    void matchesOnnxRuntime(int[] x, int axis, boolean bias, int outputs) {
        OpCheck.assertMatchesOrt(model(x, axis, bias, outputs), DataType.FLOAT32);
        OpCheck.assertMatchesOrt(model(x, axis, bias, outputs, "epsilon", 0.1f), DataType.FLOAT32);
    }

    @Test
    void rejectsBadAxisScaleAndStashType() {
        PoolTesting.assertError(InvalidModelException.class, model(dims(2, 3), 2, true, 1), "LayerNormalization", "axis 2");
        PoolTesting.assertError(UnsupportedModelException.class, model(dims(2, 3), 1, true, 1, "stash_type", 11L),
                "LayerNormalization", "stash_type");
        OnnxBuilder b = new OnnxBuilder("ln", 17);
        String y = b.node("LayerNormalization", List.of(b.input("x", DataType.FLOAT32, 2, 3), b.input("s", DataType.FLOAT32, 2)));
        b.output(y, DataType.FLOAT32);
        PoolTesting.assertError(UnsupportedModelException.class, b.toBytes(), "LayerNormalization", "normalized shape");
    }
}
