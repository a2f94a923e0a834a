package dev.edgec.harness.ops;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgec.cli.runtime.ChicoryRuntime;
import dev.edgec.core.CompileOptions;
import dev.edgec.core.Compiler;
import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.harness.ModelCheck;
import dev.edgec.harness.Tolerance;
import dev.edgec.ir.DataType;
import dev.edgec.ir.InvalidModelException;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The shared cases of ArgMaxTest and ArgMinTest against ONNX Runtime: axes, keepdims, select_last_index with ties. */
abstract class ArgExtremeTestBase {
    /** "ArgMax" or "ArgMin". */
    abstract String op();

    static byte[] model(String op, int opset, long[] shape, Long axis, Long keepDims, Long selectLast) {
        OnnxBuilder b = new OnnxBuilder("arg", opset);
        List<Object> attrs = new ArrayList<>();
        if (axis != null) {
            attrs.add("axis");
            attrs.add(axis);
        }
        if (keepDims != null) {
            attrs.add("keepdims");
            attrs.add(keepDims);
        }
        if (selectLast != null) {
            attrs.add("select_last_index");
            attrs.add(selectLast);
        }
        String y = b.node(op, List.of(b.input("x", DataType.FLOAT32, shape)), attrs.toArray());
        b.output(y, DataType.INT64);
        return b.toBytes();
    }

    private static long[] s(long... d) {
        return d;
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(11, s(3, 4, 5), null, null, null),
                Arguments.of(11, s(3, 4, 5), 1L, 0L, null),
                Arguments.of(13, s(3, 4, 5), -1L, 1L, 0L),
                Arguments.of(13, s(3, 4, 5), 2L, 0L, 1L),
                Arguments.of(12, s(6, 2), 0L, 1L, 1L),
                Arguments.of(13, s(9), 0L, 0L, 0L),
                Arguments.of(13, s(2, 1, 3), 1L, 1L, 0L));
    }

    /** Values drawn from {-1, 0, 1} so that ties are common and select_last_index matters. */
    @ParameterizedTest(name = "opset {0} shape {1} axis {2} keepdims {3} select_last_index {4}")
    @MethodSource("cases")
    void matchesOnnxRuntime(int opset, long[] shape, Long axis, Long keepDims, Long selectLast) {
        byte[] model = model(op(), opset, shape, axis, keepDims, selectLast);
        Shape sh = Shape.ofLongs(shape);
        Random rnd = new Random(9);
        double[] ties = new double[sh.elementCount()];
        double[] distinct = new double[sh.elementCount()];
        for (int i = 0; i < ties.length; i++) {
            ties[i] = rnd.nextInt(3) - 1;
            distinct[i] = rnd.nextDouble() * 2 - 1;
        }
        for (double[] v : List.of(ties, distinct)) {
            Tensor x = Tensor.ofDoubles(DataType.FLOAT32, sh, v);
            assertNull(ModelCheck.mismatch(model, Map.of("x", x), Tolerance.EXACT, new ChicoryRuntime()));
        }
    }

    @Test
    void axisOutOfRangeNamesTheNode() {
        InvalidModelException e = assertThrows(InvalidModelException.class,
                () -> new Compiler().compile(model(op(), 13, s(2, 3), 2L, null, null), CompileOptions.defaults()));
        assertTrue(e.getMessage().contains(op() + " '" + op() + "_1'") && e.getMessage().contains("axis 2"), e.getMessage());
    }

    @Test
    void selectLastIndexBeforeOpset12IsRejected() {
        InvalidModelException e = assertThrows(InvalidModelException.class,
                () -> new Compiler().compile(model(op(), 11, s(2, 3), 0L, null, 1L), CompileOptions.defaults()));
        assertTrue(e.getMessage().contains("select_last_index"), e.getMessage());
    }
}
