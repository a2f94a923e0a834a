package dev.edgec.harness.ops;

import static org.junit.jupiter.api.Assertions.assertNull;

import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.harness.ModelCheck;
import dev.edgec.harness.Tolerance;
import dev.edgec.ir.DataType;
import dev.edgec.ir.InvalidModelException;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.UnsupportedModelException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import dev.edgec.harness.WasmtimeRuntime;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** DFT (opset 17) against ONNX Runtime: real and complex input, axes, padding/truncating dft_length, onesided, inverse. */
class DftTest {
    /** A DFT of input x (random float32) with an optional constant dft_length (null: none). */
    static byte[] model(int[] dims, Long dftLength, Object... attrs) {
        return model(DataType.FLOAT32, dims, dftLength, attrs);
    }

    static byte[] model(DataType t, int[] dims, Long dftLength, Object... attrs) {
        OnnxBuilder b = new OnnxBuilder("dft", 17);
        List<String> ins = new ArrayList<>();
        ins.add(b.input("x", t, OpCheck.longs(dims)));
        if (dftLength != null) {
            ins.add(b.initializer("dft_length", Tensor.ofLongs(DataType.INT64, Shape.scalar(), dftLength)));
        }
        b.output(b.node("DFT", ins, attrs), t);
        return b.toBytes();
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // dims, dft_length, axis, inverse, onesided
                Arguments.of(new int[]{1, 10, 1}, 0L, 1L, 0L, 0L),
                Arguments.of(new int[]{1, 10, 10, 1}, 0L, 2L, 0L, 0L),
                Arguments.of(new int[]{2, 8, 3, 1}, 0L, 1L, 0L, 0L),
                Arguments.of(new int[]{2, 8, 3, 2}, 0L, -2L, 0L, 0L),
                Arguments.of(new int[]{3, 7, 1}, 0L, 1L, 0L, 1L),
                Arguments.of(new int[]{3, 8, 1}, 0L, 1L, 0L, 1L),
                Arguments.of(new int[]{2, 8, 2}, 5L, 1L, 0L, 0L),
                Arguments.of(new int[]{2, 6, 1}, 11L, 1L, 0L, 1L),
                Arguments.of(new int[]{2, 6, 2}, 9L, 1L, 1L, 0L),
                Arguments.of(new int[]{1, 10, 10, 2}, 0L, 1L, 1L, 0L),
                Arguments.of(new int[]{2, 5, 4, 1}, 0L, 1L, 1L, 0L),
                Arguments.of(new int[]{4, 3, 2}, 0L, 0L, 0L, 0L),
                Arguments.of(new int[]{1, 64, 1}, 0L, 1L, 0L, 0L));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesOrt(int[] dims, long dftLength, long axis, long inverse, long onesided) {
        byte[] m = model(dims, dftLength == 0 ? null : dftLength, "axis", axis, "inverse", inverse, "onesided", onesided);
        // ZOO (relative to the largest |X|): where the exact value is 0 (the imaginary part of bin 0),
        // ONNX Runtime's FFT leaves rounding noise of ~1e-7 that the element-wise backend tolerance rejects
        assertNull(ModelCheck.mismatchOnRandomInputs(m, 7, Tolerance.ZOO));
    }

    static Stream<Arguments> float64Cases() {
        return cases().filter(a -> ((int[]) a.get()[0]).length == 3);
    }

    @ParameterizedTest
    @MethodSource("float64Cases")
    void matchesOrtInFloat64(int[] dims, long dftLength, long axis, long inverse, long onesided) {
        byte[] m = model(DataType.FLOAT64, dims, dftLength == 0 ? null : dftLength, "axis", axis, "inverse", inverse,
                "onesided", onesided);
        assertNull(ModelCheck.mismatchOnRandomInputs(m, 8, Tolerance.ZOO));
    }

    /** The second, compiling runtime runs the same kernels. */
    @Test
    void matchesOrtInWasmtime() {
        int[] dims = {2, 12, 3, 2};
        byte[] m = model(dims, 16L, "axis", 1L, "inverse", 1L);
        Map<String, Tensor> in = Map.of("x", OpCheck.random(DataType.FLOAT32, dims, new java.util.Random(9), -1, 1));
        assertNull(ModelCheck.mismatch(m, in, Tolerance.ZOO, new WasmtimeRuntime()));
    }

    @Test
    void rejectsAxisOnTheComplexDimension() {
        OpCheck.assertRejected(model(new int[]{1, 8, 1}, null, "axis", 2L), InvalidModelException.class, "DFT_1",
                "axis 2 is out of range");
        OpCheck.assertRejected(model(new int[]{1, 8, 1}, null, "axis", -4L), InvalidModelException.class, "DFT_1",
                "axis -4 is out of range");
    }

    @Test
    void rejectsALastDimensionOtherThanOneOrTwo() {
        OpCheck.assertRejected(model(new int[]{1, 8, 3}, null), InvalidModelException.class, "DFT_1", "must end in 1");
    }

    @Test
    void rejectsRunTimeDftLength() {
        OnnxBuilder b = new OnnxBuilder("dft", 17);
        String x = b.input("x", DataType.FLOAT32, 1, 8, 1);
        String n = b.input("n", DataType.INT64);
        b.output(b.node("DFT", List.of(x, n)), DataType.FLOAT32);
        OpCheck.assertRejected(b.toBytes(), UnsupportedModelException.class, "DFT_1", "must be a constant");
    }

    @Test
    void rejectsNonPositiveDftLength() {
        OpCheck.assertRejected(model(new int[]{1, 8, 1}, -3L), InvalidModelException.class, "DFT_1", "dft_length is -3");
    }

    @Test
    void rejectsAnEmptySignalAxis() {
        OpCheck.assertRejected(model(new int[]{2, 0, 1}, null), InvalidModelException.class, "DFT_1", "has length 0");
    }

    @Test
    void rejectsOnesidedComplexInput() {
        OpCheck.assertRejected(model(new int[]{1, 8, 2}, null, "onesided", 1L), UnsupportedModelException.class, "DFT_1",
                "onesided=1");
    }
}
