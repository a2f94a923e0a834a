package dev.edgec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgec.cli.io.NpyFormat;
import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.core.onnx.OnnxImporter;
import dev.edgec.core.onnx.proto.OnnxProto.ModelProto;
import dev.edgec.core.onnx.proto.OnnxProto.NodeProto;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code compile --quantize}: option errors are one line with the right exit code; the QDQ model is saved. */
class QuantizeOptionsTest {
    @TempDir
    Path dir;

    Path model;

    /** x[1,4] → Gemm(4→3) → Relu → y: the smallest model with something to quantize. */
    static byte[] gemmRelu() {
        OnnxBuilder b = new OnnxBuilder("gemm_relu", 13);
        String x = b.input("x", DataType.FLOAT32, 1, 4);
        float[] w = new float[12];
        for (int i = 0; i < w.length; i++) {
            w[i] = (i % 5 - 2) * 0.3f;
        }
        String g = b.node("Gemm", List.of(x, b.initializer("w", Tensor.ofFloats(Shape.of(3, 4), w)),
                b.initializer("b", Tensor.ofFloats(Shape.of(3), 0.1f, -0.2f, 0.05f))), "transB", 1L);
        b.output(b.node("Relu", List.of(g)), DataType.FLOAT32, 1, 3);
        return b.toBytes();
    }

    @BeforeEach
    void writeModel() {
        model = TestModels.write(dir, "gemm_relu.onnx", gemmRelu());
    }

    private Cli.Result compile(String... extra) {
        String[] args = new String[3 + extra.length];
        args[0] = "compile";
        args[1] = model.toString();
        args[2] = "-o" + dir.resolve("out.wasm");
        System.arraycopy(extra, 0, args, 3, extra.length);
        return Cli.run(args);
    }

    private void assertUsage(Cli.Result r, int code, String text) {
        assertEquals(code, r.code(), r.toString());
        String line = r.singleErrorLine();
        assertTrue(line.contains(text), line);
        assertTrue(Files.notExists(dir.resolve("out.wasm")), "no module is written");
    }

    @Test
    void unknownCalibrationMethodIsAUsageError() {
        assertUsage(compile("--quantize", "int8", "--calibration", "random:2", "--calibration-method", "entropy"),
                ExitCodes.USAGE, "--calibration-method entropy is not a method; use minmax or percentile");
    }

    @Test
    void onlyInt8IsATypeForQuantize() {
        assertUsage(compile("--quantize", "int4", "--calibration", "random:2"), ExitCodes.USAGE,
                "--quantize int4 is not supported; the only type is int8");
    }

    @Test
    void quantizeNeedsCalibration() {
        assertUsage(compile("--quantize", "int8"), ExitCodes.USAGE, "--quantize int8 needs --calibration");
    }

    @Test
    void calibrationOptionsNeedQuantize() {
        assertUsage(compile("--calibration", "random:2"), ExitCodes.USAGE, "--calibration goes with --quantize int8");
        assertUsage(compile("--save-quantized-onnx", dir.resolve("q.onnx").toString()), ExitCodes.USAGE,
                "--save-quantized-onnx goes with --quantize int8");
    }

    @Test
    void percentileNeedsThePercentileMethodAndARange() {
        assertUsage(compile("--quantize", "int8", "--calibration", "random:2", "--percentile", "99"), ExitCodes.USAGE,
                "--percentile goes with --calibration-method percentile");
        assertUsage(compile("--quantize", "int8", "--calibration", "random:2", "--calibration-method", "percentile",
                "--percentile", "40"), ExitCodes.USAGE, "--percentile must be above 50 and at most 100, got 40.0");
    }

    @Test
    void randomNeedsAPositiveCount() {
        assertUsage(compile("--quantize", "int8", "--calibration", "random:zero"), ExitCodes.USAGE,
                "--calibration random:zero: N must be a whole number from 1 to");
        assertUsage(compile("--quantize", "int8", "--calibration", "random:0"), ExitCodes.USAGE,
                "--calibration random:0: N must be a whole number");
    }

    @Test
    void emptyCalibrationFolderIsAUsageError() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Files.writeString(empty.resolve("notes.txt"), "not a sample");
        assertUsage(compile("--quantize", "int8", "--calibration", empty.toString()), ExitCodes.USAGE,
                "calibration folder '" + empty + "' holds no samples (.npy or .pb files)");
    }

    @Test
    void missingCalibrationFolderIsAnIoError() {
        assertUsage(compile("--quantize", "int8", "--calibration", dir.resolve("nowhere").toString()), ExitCodes.IO,
                "calibration folder '" + dir.resolve("nowhere") + "' does not exist");
    }

    @Test
    void sampleOfTheWrongShapeIsAUsageError() throws IOException {
        Path samples = Files.createDirectory(dir.resolve("samples"));
        Files.write(samples.resolve("a.npy"), NpyFormat.write(Tensor.ofFloats(Shape.of(1, 4), 1, 2, 3, 4)));
        Files.write(samples.resolve("b.npy"), NpyFormat.write(Tensor.ofFloats(Shape.of(4), 1, 2, 3, 4)));
        assertUsage(compile("--quantize", "int8", "--calibration", samples.toString()), ExitCodes.USAGE,
                "calibration sample '" + samples.resolve("b.npy") + "' holds float32[4] but input 'x' is float32[1x4]");
    }

    @Test
    void savesTheQdqModel() {
        Path q = dir.resolve("q.onnx");
        // The exit code depends on whether the QuantizeLinear kernels are compiled in; the QDQ model is written first.
        compile("--quantize", "int8", "--calibration", "random:3", "--save-quantized-onnx", q.toString());
        ModelProto m = OnnxImporter.parse(readAll(q));
        List<String> ops = m.getGraph().getNodeList().stream().map(NodeProto::getOpType).toList();
        // the last layer's output stays float (no quantized node reads it): no pair after the Relu
        assertEquals(List.of("QuantizeLinear", "DequantizeLinear", "DequantizeLinear", "DequantizeLinear", "Gemm",
                "Relu"), ops);
        assertEquals("x", m.getGraph().getInput(0).getName());
        assertEquals(m.getGraph().getOutput(0).getName(), m.getGraph().getNode(5).getOutput(0));
    }

    @Test
    void saveQuantizedOnnxMayNotOverwriteTheModel() {
        assertUsage(compile("--quantize", "int8", "--calibration", "random:2", "--save-quantized-onnx", model.toString()),
                ExitCodes.USAGE, "is the model itself");
    }

    /**
     * A malformed model is refused by the importer, with its message, before the quantizer's rewrites
     * read it (found by fuzzing with -Dedgec.fuzz.quantize=int8: a Conv with only its data input and a
     * BatchNormalization after it crashed the BatchNormalization pre-folding).
     */
    @Test
    void malformedModelIsAnInvalidModelBeforeQuantizing() {
        OnnxBuilder b = new OnnxBuilder("bad_conv", 13);
        String x = b.input("x", DataType.FLOAT32, 1, 2, 4, 4);
        String c = b.node("Conv", List.of(x), "kernel_shape", new long[] {3, 3});
        String one = b.initializer("one", Tensor.ofFloats(Shape.of(2), 1f, 1f));
        String zero = b.initializer("zero", Tensor.ofFloats(Shape.of(2), 0f, 0f));
        b.output(b.node("BatchNormalization", List.of(c, one, zero, zero, one)), DataType.FLOAT32);
        model = TestModels.write(dir, "bad_conv.onnx", b.toBytes());
        Cli.Result r = compile("--quantize", "int8", "--calibration", "random:2");
        assertUsage(r, ExitCodes.INVALID_MODEL, "Conv");
    }

    private static byte[] readAll(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
