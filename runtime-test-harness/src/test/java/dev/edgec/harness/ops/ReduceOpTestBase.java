package dev.edgec.harness.ops;

import static org.junit.jupiter.api.Assertions.assertNull;

import dev.edgec.cli.runtime.ChicoryRuntime;
import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.harness.ModelCheck;
import dev.edgec.harness.RandomTensors;
import dev.edgec.harness.Tolerance;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shared cases of the ReduceXxx tests: each subclass names its operator and the cases run it
 * against ONNX Runtime with axes as an attribute (opset 11) and as a constant input (the opset where
 * it became one), over shapes, axes, keepdims and noop_with_empty_axes, and on float64 inputs.
 */
abstract class ReduceOpTestBase {
    /** The operator under test, e.g. "ReduceMean". */
    abstract String op();

    /** The opset from which axes is an input. */
    int axesInputSince() {
        return 18;
    }

    /** Range of the random input values (LogSum needs a positive sum). */
    double[] inputRange() {
        return new double[] {-1, 1};
    }

    /** Builds a one-node model; axes null means the attribute or input is absent. */
    static byte[] model(String op, int opset, boolean axesAsInput, long[] shape, long[] axes, Long keepDims,
                        Long noopWithEmptyAxes) {
        return model(op, DataType.FLOAT32, opset, axesAsInput, shape, axes, keepDims, noopWithEmptyAxes);
    }

    /** As above with input and output of element type {@code type}. */
    static byte[] model(String op, DataType type, int opset, boolean axesAsInput, long[] shape, long[] axes, Long keepDims,
                        Long noopWithEmptyAxes) {
        OnnxBuilder b = new OnnxBuilder("reduce", opset);
        List<String> inputs = new ArrayList<>();
        inputs.add(b.input("x", type, shape));
        List<Object> attrs = new ArrayList<>();
        if (axes != null) {
            if (axesAsInput) {
                inputs.add(b.initializer("axes", Tensor.ofLongs(DataType.INT64, Shape.of(axes.length), axes)));
            } else {
                attrs.add("axes");
                attrs.add(axes);
            }
        }
        if (keepDims != null) {
            attrs.add("keepdims");
            attrs.add(keepDims);
        }
        if (noopWithEmptyAxes != null) {
            attrs.add("noop_with_empty_axes");
            attrs.add(noopWithEmptyAxes);
        }
        String y = b.node(op, inputs, attrs.toArray());
        b.output(y, type);
        return b.toBytes();
    }

    private static long[] s(long... d) {
        return d;
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // shape, axes, keepdims
                Arguments.of(s(3, 4, 5), s(1), null),
                Arguments.of(s(3, 4, 5), s(0, 2), 0L),
                Arguments.of(s(3, 4, 5), s(-1), 1L),
                Arguments.of(s(3, 4, 5), s(2, 1), 0L),
                Arguments.of(s(3, 4, 5), null, null),
                Arguments.of(s(3, 4, 5), null, 0L),
                Arguments.of(s(2, 1, 3, 2), s(1, 3), 1L),
                Arguments.of(s(2, 1, 3, 2), s(0, 2), 0L),
                Arguments.of(s(7), s(0), 0L),
                Arguments.of(s(1, 12), s(1), 1L));
    }

    private void check(byte[] model) {
        var compiled = new dev.edgec.core.Compiler().compile(model, dev.edgec.core.CompileOptions.defaults());
        var spec = compiled.signature().inputs().get(0);
        double[] r = inputRange();
        Map<String, Tensor> inputs = Map.of(spec.name(), RandomTensors.uniform(spec.type(), new Random(11), r[0], r[1]));
        assertNull(ModelCheck.mismatch(model, compiled, inputs, Tolerance.ONNX_BACKEND, new ChicoryRuntime()));
    }

    @ParameterizedTest(name = "attribute axes: shape {0} axes {1} keepdims {2}")
    @MethodSource("cases")
    void axesAttributeMatchesOnnxRuntime(long[] shape, long[] axes, Long keepDims) {
        check(model(op(), 11, false, shape, axes, keepDims, null));
    }

    @ParameterizedTest(name = "axes input: shape {0} axes {1} keepdims {2}")
    @MethodSource("cases")
    void axesInputMatchesOnnxRuntime(long[] shape, long[] axes, Long keepDims) {
        check(model(op(), axesInputSince(), true, shape, axes, keepDims, null));
    }

    @ParameterizedTest(name = "float64: shape {0} axes {1} keepdims {2}")
    @MethodSource("float64Cases")
    void float64MatchesOnnxRuntime(long[] shape, long[] axes, Long keepDims) {
        check(model(op(), DataType.FLOAT64, 11, false, shape, axes, keepDims, null));
    }

    static Stream<Arguments> float64Cases() {
        return Stream.of(
                Arguments.of(s(3, 4, 5), s(1), null),
                Arguments.of(s(3, 4, 5), null, 0L),
                Arguments.of(s(2, 1, 3, 2), s(1, 3), 1L),
                Arguments.of(s(7), s(0), 0L));
    }

    @ParameterizedTest(name = "noop_with_empty_axes {0}")
    @MethodSource("noops")
    void emptyAxesWithNoop(long noop) {
        // an empty axes tensor: ONNX Runtime 1.23 fails on noop_with_empty_axes=1 with axes omitted
        check(model(op(), axesInputSince(), true, s(2, 3), s(), 1L, noop));
    }

    static Stream<Long> noops() {
        return Stream.of(0L, 1L);
    }
}
