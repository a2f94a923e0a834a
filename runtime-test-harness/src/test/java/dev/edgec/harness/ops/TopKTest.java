package dev.edgec.harness.ops;

import static dev.edgec.harness.ops.ConvTest.dims;

import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.ir.DataType;
import dev.edgec.ir.InvalidModelException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** TopK against ONNX Runtime: k as attribute and constant input, axes, largest/smallest, types, ties. */
class TopKTest {

    static byte[] model(int opset, DataType t, int[] x, long k, Object... attributes) {
        OnnxBuilder b = new OnnxBuilder("topk", opset);
        List<String> ins = new ArrayList<>(List.of(b.input("x0", t, ConvTest.toLongs(x))));
        List<Object> attrs = new ArrayList<>(List.of(attributes));
        if (opset < 10) {
            attrs.add("k");
            attrs.add(k);
        } else {
            ins.add(b.initializer("k", OpCheck.int64s(k)));
        }
        b.nodeWithOutputs("TopK", ins, List.of("values", "indices"), attrs.toArray());
        b.output("values", t).output("indices", DataType.INT64);
        return b.toBytes();
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(1, DataType.FLOAT32, dims(3, 4), 2L, new Object[]{}),
                Arguments.of(10, DataType.FLOAT32, dims(2, 5, 3), 3L, new Object[]{"axis", 1L}),
                Arguments.of(11, DataType.FLOAT32, dims(4, 6), 4L, new Object[]{"largest", 0L}),
                Arguments.of(11, DataType.INT64, dims(3, 7), 7L, new Object[]{"axis", -1L}),
                Arguments.of(11, DataType.INT32, dims(2, 3, 4), 2L, new Object[]{"axis", 0L, "largest", 0L}),
                Arguments.of(11, DataType.FLOAT64, dims(9), 0L, new Object[]{}),
                Arguments.of(11, DataType.FLOAT32, dims(2, 8), 5L, new Object[]{"sorted", 1L}),
                Arguments.of(11, DataType.INT64, dims(5, 3), 3L, new Object[]{"axis", 0L, "largest", 0L}));
    }

    /** Small integer values make ties, which must come out in index order as in ONNX Runtime. */
    @ParameterizedTest(name = "opset {0} {1} x {2} k {3}")
    @MethodSource("cases")
    void matchesOnnxRuntime(int opset, DataType t, int[] x, long k, Object[] attributes) {
        byte[] m = model(opset, t, x, k, attributes);
        Map<String, dev.edgec.ir.Tensor> ties = OpCheck.smallIntegerInputs(List.of(t), List.<int[]>of(x), 5);
        OpCheck.assertMatchesOrt(m, ties, DataType.INT64);
        OpCheck.assertMatchesOrt(m, t);
    }

    @Test
    void rejectsKLargerThanAxisAndUnsupportedTypes() {
        PoolTesting.assertError(dev.edgec.ir.UnsupportedModelException.class, model(11, DataType.INT8, dims(2, 3), 1),
                "TopK", "int8");
        PoolTesting.assertError(InvalidModelException.class, model(11, DataType.FLOAT32, dims(2, 3), 4), "TopK", "k = 4");
        PoolTesting.assertError(InvalidModelException.class,
                model(11, DataType.FLOAT32, dims(2, 3), 1, "axis", 2L), "TopK", "axis 2");
    }
}
