package dev.edgec.harness.ops;

import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.ir.DataType;
import dev.edgec.ir.InvalidModelException;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PadTest {
    private static final List<DataType> TYPES = List.of(DataType.FLOAT32, DataType.FLOAT64, DataType.INT8,
            DataType.UINT8, DataType.INT32, DataType.INT64, DataType.BOOL);

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("constant", new int[]{3, 4}, new long[]{1, 2, 0, 1}),
                Arguments.of("constant", new int[]{1, 2, 3, 3}, new long[]{0, 0, 1, 1, 0, 0, 1, 1}),
                Arguments.of("constant", new int[]{4, 5}, new long[]{-1, 2, 1, -2}),
                Arguments.of("constant", new int[]{5}, new long[]{0, 0}),
                Arguments.of("reflect", new int[]{3, 4}, new long[]{2, 1, 1, 3}),
                Arguments.of("reflect", new int[]{2, 3, 4}, new long[]{0, 1, 0, 1, 2, -1}),
                Arguments.of("edge", new int[]{3, 4}, new long[]{2, 0, 3, 5}),
                Arguments.of("edge", new int[]{1, 2, 2}, new long[]{0, 3, 1, 0, 2, 1}));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesOrtWithConstantPads(String mode, int[] in, long[] pads) {
        for (DataType t : TYPES) {
            for (int opset : new int[]{11, 18}) {
                if (t == DataType.BOOL && opset < 13) {
                    continue; // bool joined Pad's types in opset 13
                }
                OnnxBuilder b = new OnnxBuilder("pad", opset);
                String x = b.input("x", t, OpCheck.longs(in));
                List<String> inputs = new ArrayList<>(List.of(x, b.initializer("pads", OpCheck.int64s(pads))));
                if (mode.equals("constant") && t != DataType.BOOL) {
                    inputs.add(b.initializer("value", Tensor.ofDoubles(t, Shape.scalar(), 3)));
                }
                b.output(b.node("Pad", inputs, "mode", mode), t);
                OpCheck.assertMatchesOrt(b.toBytes(), t);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesOrtWithPadsAttribute(String mode, int[] in, long[] pads) {
        OnnxBuilder b = new OnnxBuilder("pad", 2);
        String x = b.input("x", DataType.FLOAT32, OpCheck.longs(in));
        b.output(b.node("Pad", List.of(x), "mode", mode, "pads", pads, "value", 1.5f), DataType.FLOAT32);
        OpCheck.assertMatchesOrt(b.toBytes(), DataType.FLOAT32);
    }

    @Test
    void randomShapesAndPads() {
        java.util.Random rnd = new java.util.Random(99);
        String[] modes = {"constant", "reflect", "edge"};
        for (int trial = 0; trial < 25; trial++) {
            int rank = 1 + rnd.nextInt(4);
            long[] dims = new long[rank];
            long[] pads = new long[2 * rank];
            String mode = modes[rnd.nextInt(modes.length)];
            for (int d = 0; d < rank; d++) {
                dims[d] = 2 + rnd.nextInt(3);
                // reflect needs pads below the axis size; negative pads crop
                pads[d] = rnd.nextInt((int) dims[d]) - (mode.equals("constant") ? 1 : 0);
                pads[d + rank] = rnd.nextInt((int) dims[d]) - (mode.equals("constant") ? 1 : 0);
            }
            DataType t = TYPES.get(rnd.nextInt(TYPES.size()));
            OnnxBuilder b = new OnnxBuilder("pad", 18);
            String x = b.input("x", t, dims);
            b.output(b.node("Pad", List.of(x, b.initializer("pads", OpCheck.int64s(pads))), "mode", mode), t);
            OpCheck.assertMatchesOrt(b.toBytes(), t);
        }
    }

    @Test
    void constantValueComputedAtRunTime() {
        OnnxBuilder b = new OnnxBuilder("pad", 13);
        String x = b.input("x", DataType.FLOAT32, 3, 4);
        String v = b.input("v", DataType.FLOAT32);
        b.output(b.node("Pad", List.of(x, b.initializer("pads", OpCheck.int64s(1, 1, 1, 1)), v)), DataType.FLOAT32);
        OpCheck.assertMatchesOrt(b.toBytes(), DataType.FLOAT32);
    }

    @Test
    void int64PadValueIsExact() {
        OnnxBuilder b = new OnnxBuilder("pad", 13);
        String x = b.input("x", DataType.INT64, 2, 2);
        String v = b.initializer("v", Tensor.ofLongs(DataType.INT64, Shape.scalar(), (1L << 60) + 3));
        b.output(b.node("Pad", List.of(x, b.initializer("pads", OpCheck.int64s(1, 0, 0, 1)), v)), DataType.INT64);
        OpCheck.assertMatchesOrt(b.toBytes(), DataType.INT64);
    }

    @Test
    void float16PadValueIsStoredAsItsBits() {
        OpCheck.assertMatchesOrt(padWithValue(DataType.FLOAT16, -1.5), DataType.FLOAT16);
    }

    /** ONNX Runtime has no bfloat16 Pad: the reference is its float32 Pad of the same (bfloat16-exact) values. */
    @Test
    void bfloat16PadValueIsStoredAsItsBits() {
        Tensor x = Tensor.ofDoubles(DataType.BFLOAT16, Shape.of(2, 2), 1, -2.5, 3.75, 1e30);
        Tensor expected;
        try (dev.edgec.harness.OrtReference ort = new dev.edgec.harness.OrtReference(padWithValue(DataType.FLOAT32, -1.5))) {
            Tensor r = ort.run(java.util.Map.of("x", Tensor.ofFloats(x.shape(), x.toFloats()))).get(0);
            expected = Tensor.ofFloats(r.shape(), r.toFloats());
        }
        var compiled = new dev.edgec.core.Compiler().compile(padWithValue(DataType.BFLOAT16, -1.5), dev.edgec.core.CompileOptions.defaults());
        try (var m = new dev.edgec.cli.runtime.ModuleRunner(compiled.moduleBytes(), new dev.edgec.cli.runtime.ChicoryRuntime())) {
            Tensor actual = m.run(List.of(x)).get(0);
            org.junit.jupiter.api.Assertions.assertArrayEquals(expected.toFloats(), actual.toFloats());
        }
    }

    private static byte[] padWithValue(DataType t, double value) {
        OnnxBuilder b = new OnnxBuilder("pad", 13);
        String x = b.input("x", t, 2, 2);
        String v = b.initializer("v", Tensor.ofDoubles(t, Shape.scalar(), value));
        b.output(b.node("Pad", List.of(x, b.initializer("pads", OpCheck.int64s(1, 0, 0, 1)), v)), t);
        return b.toBytes();
    }

    @Test
    void axesInput() {
        OnnxBuilder b = new OnnxBuilder("pad", 18);
        String x = b.input("x", DataType.FLOAT32, 2, 3, 4);
        b.output(b.node("Pad", List.of(x, b.initializer("pads", OpCheck.int64s(1, 2, 0, 3)), "",
                b.initializer("axes", OpCheck.int64s(-1, 0)))), DataType.FLOAT32);
        OpCheck.assertMatchesOrt(b.toBytes(), DataType.FLOAT32);
    }

    @Test
    void rejectsWrongPadCount() {
        OnnxBuilder b = new OnnxBuilder("pad", 13);
        String x = b.input("x", DataType.FLOAT32, 3, 4);
        b.output(b.node("Pad", List.of(x, b.initializer("pads", OpCheck.int64s(1, 1)))), DataType.FLOAT32);
        OpCheck.assertRejected(b.toBytes(), InvalidModelException.class, "Pad", "pads");
    }
}
