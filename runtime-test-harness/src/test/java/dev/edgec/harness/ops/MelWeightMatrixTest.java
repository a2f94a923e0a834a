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
import java.util.List;
import java.util.Map;
import dev.edgec.cli.runtime.ChicoryRuntime;
import dev.edgec.core.CompileOptions;
import dev.edgec.core.CompileResult;
import dev.edgec.core.Compiler;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** MelWeightMatrix (opset 17), computed at compile time, against ONNX Runtime: sizes, rates, edges, index and output types. */
class MelWeightMatrixTest {
    static byte[] model(DataType intType, long melBins, long dftLength, long sampleRate, double lower, double upper,
                        DataType floatType, long outputType) {
        OnnxBuilder b = new OnnxBuilder("mel", 17);
        List<String> ins = List.of(
                b.initializer("num_mel_bins", Tensor.ofLongs(intType, Shape.scalar(), melBins)),
                b.initializer("dft_length", Tensor.ofLongs(intType, Shape.scalar(), dftLength)),
                b.initializer("sample_rate", Tensor.ofLongs(intType, Shape.scalar(), sampleRate)),
                b.initializer("lower_edge_hertz", Tensor.ofDoubles(floatType, Shape.scalar(), lower)),
                b.initializer("upper_edge_hertz", Tensor.ofDoubles(floatType, Shape.scalar(), upper)));
        DataType out = outputType == 1 ? DataType.FLOAT32 : DataType.FLOAT64;
        String m = b.node("MelWeightMatrix", ins, "output_datatype", outputType);
        // adding a graph input keeps ONNX Runtime from folding the whole model; edgec folds the matrix itself
        String x = b.input("x", out, 1);
        b.output(b.node("Add", List.of(m, x)), out);
        return b.toBytes();
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // the ONNX backend test's parameters
                Arguments.of(DataType.INT64, 8L, 16L, 8192L, 0.0, 4096.0, DataType.FLOAT32, 1L),
                Arguments.of(DataType.INT64, 10L, 64L, 16000L, 20.0, 8000.0, DataType.FLOAT32, 1L),
                Arguments.of(DataType.INT32, 40L, 512L, 16000L, 0.0, 8000.0, DataType.FLOAT32, 1L),
                Arguments.of(DataType.INT32, 5L, 32L, 22050L, 100.0, 5000.0, DataType.FLOAT32, 11L),
                Arguments.of(DataType.INT64, 13L, 100L, 8000L, 300.0, 3700.0, DataType.FLOAT32, 1L),
                Arguments.of(DataType.INT64, 3L, 8L, 1000L, 50.0, 450.0, DataType.FLOAT32, 1L));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesOrt(DataType intType, long melBins, long dftLength, long sampleRate, double lower, double upper,
                    DataType floatType, long outputType) {
        byte[] m = model(intType, melBins, dftLength, sampleRate, lower, upper, floatType, outputType);
        assertNull(ModelCheck.mismatchOnRandomInputs(m, 1, Tolerance.ONNX_BACKEND));
    }

    /**
     * ONNX Runtime 1.23 has no MelWeightMatrix for float64 edge frequencies: with edges exact in
     * float32, edgec's matrix from float64 edges is compared with ONNX Runtime's from float32 edges.
     */
    @Test
    void doubleEdgesMatchOrtWithFloatEdges() {
        byte[] doubleEdges = model(DataType.INT64, 13, 100, 8000, 300, 3700, DataType.FLOAT64, 1);
        byte[] floatEdges = model(DataType.INT64, 13, 100, 8000, 300, 3700, DataType.FLOAT32, 1);
        CompileResult compiled = new Compiler().compile(doubleEdges, CompileOptions.defaults());
        Map<String, Tensor> inputs = ModelCheck.randomInputs(compiled, 1);
        assertNull(ModelCheck.mismatch(floatEdges, compiled, inputs, Tolerance.ONNX_BACKEND, new ChicoryRuntime()));
    }

    @Test
    void rejectsRunTimeMelBins() {
        OnnxBuilder b = new OnnxBuilder("mel", 17);
        String bins = b.input("bins", DataType.INT64);
        List<String> ins = List.of(bins,
                b.initializer("dft_length", Tensor.ofLongs(DataType.INT64, Shape.scalar(), 16)),
                b.initializer("sample_rate", Tensor.ofLongs(DataType.INT64, Shape.scalar(), 8000)),
                b.initializer("lower_edge_hertz", Tensor.ofFloats(Shape.scalar(), 0f)),
                b.initializer("upper_edge_hertz", Tensor.ofFloats(Shape.scalar(), 4000f)));
        b.output(b.node("MelWeightMatrix", ins), DataType.FLOAT32);
        OpCheck.assertRejected(b.toBytes(), UnsupportedModelException.class, "MelWeightMatrix_1", "must be a constant");
    }

    @Test
    void rejectsEdgesAboveTheSpectrum() {
        byte[] m = model(DataType.INT64, 4, 16, 8000, 0, 8000, DataType.FLOAT32, 1);
        OpCheck.assertRejected(m, InvalidModelException.class, "MelWeightMatrix_1", "outside the 9 bins");
    }

    @Test
    void rejectsZeroMelBins() {
        byte[] m = model(DataType.INT64, 0, 16, 8000, 0, 4000, DataType.FLOAT32, 1);
        OpCheck.assertRejected(m, InvalidModelException.class, "MelWeightMatrix_1", "num_mel_bins is 0");
    }
}
