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
import dev.edgec.cli.runtime.ChicoryRuntime;
import dev.edgec.cli.runtime.ModuleRunner;
import dev.edgec.core.CompileOptions;
import dev.edgec.core.CompileResult;
import dev.edgec.core.Compiler;
import dev.edgec.harness.OrtReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** STFT (opset 17) against ONNX Runtime: frame steps and lengths, run-time and constant windows, real and complex signals. */
class StftTest {
    enum Window { NONE, INPUT, CONSTANT }

    /** STFT of a random float32 signal; frame_length 0 leaves that input out. */
    static byte[] model(int[] dims, long step, long frameLength, Window window, int windowLength, Object... attrs) {
        return model(DataType.FLOAT32, dims, step, frameLength, window, windowLength, attrs);
    }

    static byte[] model(DataType t, int[] dims, long step, long frameLength, Window window, int windowLength,
                        Object... attrs) {
        OnnxBuilder b = new OnnxBuilder("stft", 17);
        List<String> ins = new ArrayList<>();
        ins.add(b.input("signal", t, OpCheck.longs(dims)));
        ins.add(b.initializer("frame_step", Tensor.ofLongs(DataType.INT64, Shape.scalar(), step)));
        ins.add(switch (window) {
            case NONE -> "";
            case INPUT -> b.input("window", t, windowLength);
            case CONSTANT -> b.initializer("window", hann(t, windowLength));
        });
        if (frameLength > 0) {
            ins.add(b.initializer("frame_length", Tensor.ofLongs(DataType.INT64, Shape.scalar(), frameLength)));
        }
        while (ins.get(ins.size() - 1).isEmpty()) {
            ins.remove(ins.size() - 1);
        }
        b.output(b.node("STFT", ins, attrs), t);
        return b.toBytes();
    }

    private static Tensor hann(DataType t, int n) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / n);
        }
        return Tensor.ofDoubles(t, Shape.of(n), w);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // dims, frame_step, frame_length, window, onesided
                Arguments.of(new int[]{1, 128, 1}, 8L, 16L, Window.NONE, 1L),
                Arguments.of(new int[]{1, 128, 1}, 8L, 0L, Window.INPUT, 1L),
                Arguments.of(new int[]{2, 50, 1}, 7L, 12L, Window.CONSTANT, 1L),
                Arguments.of(new int[]{2, 50, 1}, 7L, 12L, Window.INPUT, 0L),
                Arguments.of(new int[]{1, 20, 1}, 3L, 9L, Window.NONE, 1L));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesOrt(int[] dims, long step, long frameLength, Window window, long onesided) {
        int windowLength = (int) (frameLength > 0 ? frameLength : 16);
        byte[] m = model(dims, step, frameLength, window, windowLength, "onesided", onesided);
        // relative to the largest |X|, as for DFT: ONNX Runtime's FFT leaves ~1e-7 noise where the exact value is 0
        assertNull(ModelCheck.mismatchOnRandomInputs(m, 11, Tolerance.ZOO));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesOrtInFloat64(int[] dims, long step, long frameLength, Window window, long onesided) {
        int windowLength = (int) (frameLength > 0 ? frameLength : 16);
        byte[] m = model(DataType.FLOAT64, dims, step, frameLength, window, windowLength, "onesided", onesided);
        assertNull(ModelCheck.mismatchOnRandomInputs(m, 12, Tolerance.ZOO));
    }

    static Stream<Arguments> complexCases() {
        return Stream.of(
                Arguments.of(new int[]{3, 40, 2}, 5, 10, Window.NONE),
                Arguments.of(new int[]{1, 33, 2}, 4, 16, Window.INPUT),
                Arguments.of(new int[]{2, 21, 2}, 3, 8, Window.CONSTANT));
    }

    /**
     * ONNX Runtime 1.23's STFT returns garbage (values near 1e34) for a complex signal, so complex
     * STFT is compared with ONNX Runtime running the same transform spelled out: Gather the frames,
     * multiply by the window, DFT along the frame (the DFT itself is checked against ONNX Runtime in DftTest).
     */
    @ParameterizedTest
    @MethodSource("complexCases")
    void complexSignalMatchesOrtFramedDft(int[] dims, int step, int frameLength, Window window) {
        byte[] stft = model(dims, step, frameLength, window, frameLength, "onesided", 0L);
        CompileResult compiled = new Compiler().compile(stft, CompileOptions.defaults());
        Map<String, Tensor> inputs = ModelCheck.randomInputs(compiled, 5);
        List<Tensor> reference;
        try (OrtReference ort = new OrtReference(framedDft(dims, step, frameLength, window))) {
            reference = ort.run(inputs);
        }
        List<Tensor> ordered = compiled.signature().inputs().stream().map(s -> inputs.get(s.name())).toList();
        List<Tensor> actual;
        try (ModuleRunner runner = new ModuleRunner(compiled.moduleBytes(), new ChicoryRuntime())) {
            actual = runner.run(ordered);
        }
        assertNull(Tolerance.ZOO.mismatch(actual.get(0), reference.get(0)));
    }

    /** STFT with onesided=0 as Gather(frames) · window → DFT(axis 2), inputs named as in {@link #model}. */
    private static byte[] framedDft(int[] dims, int step, int frameLength, Window window) {
        OnnxBuilder b = new OnnxBuilder("framed_dft", 17);
        String signal = b.input("signal", DataType.FLOAT32, OpCheck.longs(dims));
        int frames = 1 + (dims[1] - frameLength) / step;
        long[] idx = new long[frames * frameLength];
        for (int f = 0; f < frames; f++) {
            for (int n = 0; n < frameLength; n++) {
                idx[f * frameLength + n] = (long) f * step + n;
            }
        }
        String indices = b.initializer("indices", Tensor.ofLongs(DataType.INT64, Shape.of(frames, frameLength), idx));
        String framed = b.node("Gather", List.of(signal, indices), "axis", 1L);
        if (window != Window.NONE) {
            String w = window == Window.INPUT ? b.input("window", DataType.FLOAT32, frameLength)
                    : b.initializer("window", hann(DataType.FLOAT32, frameLength));
            String shape = b.initializer("column", OpCheck.int64s(frameLength, 1));
            framed = b.node("Mul", List.of(framed, b.node("Reshape", List.of(w, shape))));
        }
        b.output(b.node("DFT", List.of(framed), "axis", 2L), DataType.FLOAT32);
        return b.toBytes();
    }

    @Test
    void rejectsRunTimeFrameStep() {
        OnnxBuilder b = new OnnxBuilder("stft", 17);
        String x = b.input("signal", DataType.FLOAT32, 1, 32, 1);
        String step = b.input("step", DataType.INT64);
        b.output(b.node("STFT", List.of(x, step)), DataType.FLOAT32);
        OpCheck.assertRejected(b.toBytes(), UnsupportedModelException.class, "STFT_1", "must be a constant");
    }

    @Test
    void rejectsWindowOfAnotherLength() {
        OpCheck.assertRejected(model(new int[]{1, 32, 1}, 4, 8, Window.INPUT, 10), InvalidModelException.class, "STFT_1",
                "window length 10 differs from frame_length 8");
    }

    @Test
    void rejectsWindowOfAnotherType() {
        OnnxBuilder b = new OnnxBuilder("stft", 17);
        String x = b.input("signal", DataType.FLOAT64, 1, 32, 1);
        String step = b.initializer("frame_step", Tensor.ofLongs(DataType.INT64, Shape.scalar(), 4));
        String w = b.input("window", DataType.FLOAT32, 8);
        b.output(b.node("STFT", List.of(x, step, w)), DataType.FLOAT64);
        OpCheck.assertRejected(b.toBytes(), InvalidModelException.class, "STFT_1", "window has type float32");
    }

    @Test
    void rejectsFrameLongerThanSignal() {
        OpCheck.assertRejected(model(new int[]{1, 32, 1}, 4, 40, Window.NONE, 0), InvalidModelException.class, "STFT_1",
                "frame length 40");
    }

    @Test
    void rejectsOnesidedComplexSignal() {
        OpCheck.assertRejected(model(new int[]{1, 32, 2}, 4, 8, Window.NONE, 0, "onesided", 1L), UnsupportedModelException.class, "STFT_1",
                "onesided=1 needs a real signal");
    }
}
