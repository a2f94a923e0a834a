package dev.edgec.harness.ptq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgec.cli.runtime.ChicoryRuntime;
import dev.edgec.cli.runtime.ModuleRunner;
import dev.edgec.core.CompileOptions;
import dev.edgec.core.CompileResult;
import dev.edgec.core.Compiler;
import dev.edgec.core.abi.TensorSpec;
import dev.edgec.core.onnx.OnnxImporter;
import dev.edgec.core.onnx.proto.OnnxProto.ModelProto;
import dev.edgec.core.quant.ptq.BatchNormPreFolding;
import dev.edgec.core.quant.ptq.QdqQuantizer;
import dev.edgec.harness.FloatParts;
import dev.edgec.harness.OrtReference;
import dev.edgec.harness.RandomTensors;
import dev.edgec.harness.WabtValidator;
import dev.edgec.harness.WasmtimeRuntime;
import dev.edgec.harness.zoo.ZooFiles;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Tensor;
import dev.edgec.models.Zoo;
import dev.edgec.models.ZooModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code --quantize int8 --integer-only} on the zoo: each model is quantized with every operator in
 * QDQ form (BatchNormalization folded first), compiled integer-only, and then
 * <ul>
 *   <li>it passes wasm-validate with every post-MVP feature off (when wabt is installed);</li>
 *   <li>its code section is disassembled: no f32/f64 instruction, local, parameter, result or global;</li>
 *   <li>its inputs and outputs are int8 with their scale and zero point in the signature;</li>
 *   <li>wasmtime and Chicory give the same outputs;</li>
 *   <li>on random int8 inputs its int8 outputs equal, within 1, those of ONNX Runtime running the same
 *       QDQ model on the dequantized inputs (ONNX Runtime's float outputs quantized with the output's
 *       scale and zero point; they are dequantized int8 values, so that is exact).</li>
 * </ul>
 * All six zoo models compile integer-only; mobilenet_v1_025 runs one sample only (8 s in Chicory).
 */
class IntegerOnlyModuleTest {
    static final int SAMPLES = 2;

    static Stream<ZooModel> models() {
        return Zoo.all().stream();
    }

    /** The zoo model quantized for integer-only compilation, as {@code compile --quantize int8 --integer-only} does. */
    static byte[] integerOnlyQdq(byte[] model) {
        ModelProto folded = BatchNormPreFolding.fold(OnnxImporter.parse(model));
        byte[] foldedBytes = folded.toByteArray();
        var ranges = OrtQuantization.calibrate(foldedBytes, OrtQuantization.randomSamples(foldedBytes, 1, 20),
                QdqQuantizer.activationsToCalibrate(folded, true));
        return QdqQuantizer.quantize(folded, ranges, true).toByteArray();
    }

    @ParameterizedTest
    @MethodSource("models")
    void integerOnlyModuleHasNoFloatAndMatchesOnnxRuntime(ZooModel zoo) {
        byte[] qdq = integerOnlyQdq(ZooFiles.read(zoo));
        CompileResult r = new Compiler().compile(qdq, CompileOptions.defaults().withIntegerOnly(true));
        byte[] wasm = r.moduleBytes();
        if (WabtValidator.available()) {
            String invalid = WabtValidator.validateMvp(wasm);
            assertNull(invalid, invalid);
        }
        List<String> floats = FloatParts.of(wasm);
        assertTrue(floats.isEmpty(), zoo.fileName() + ": float in the integer-only module: " + floats);
        for (TensorSpec s : concat(r.signature().inputs(), r.signature().outputs())) {
            assertEquals(DataType.INT8, s.dtype(), s.name());
            assertNotNull(s.scale(), s.name() + " has no scale");
            assertNotNull(s.zeroPoint(), s.name() + " has no zero point");
        }
        Random rnd = new Random(7);
        int worst = 0;
        try (OrtReference ort = new OrtReference(qdq); ModuleRunner runner = new ModuleRunner(wasm, new ChicoryRuntime())) {
            int samples = zoo.fileName().startsWith("mobilenet") ? 1 : SAMPLES;
            for (int sample = 0; sample < samples; sample++) {
                List<Tensor> ints = new ArrayList<>();
                Map<String, Tensor> reals = new LinkedHashMap<>();
                for (TensorSpec s : r.signature().inputs()) {
                    Tensor q = RandomTensors.of(s.type(), rnd);
                    ints.add(q);
                    reals.put(s.name(), dequantize(q, s));
                }
                List<Tensor> got = runner.run(ints);
                if (sample == 0) {
                    try (ModuleRunner wasmtime = new ModuleRunner(wasm, new WasmtimeRuntime())) {
                        assertEquals(got, wasmtime.run(ints), zoo.fileName() + ": wasmtime and Chicory differ");
                    }
                }
                List<Tensor> expected = ort.run(reals);
                for (int o = 0; o < got.size(); o++) {
                    TensorSpec s = r.signature().outputs().get(o);
                    for (int i = 0; i < got.get(o).elementCount(); i++) {
                        long want = Math.round(expected.get(o).getDouble(i) / s.scale()) + s.zeroPoint();
                        int diff = (int) Math.abs(got.get(o).getLong(i) - want);
                        worst = Math.max(worst, diff);
                        assertTrue(diff <= 1, zoo.fileName() + " output " + s.name() + "[" + i + "]: " + got.get(o).getLong(i)
                                + " but ONNX Runtime gives " + want);
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "integer-only %-22s module %7d B; largest int8 difference from ORT: %d%n",
                zoo.fileName(), wasm.length, worst);
    }

    private static Tensor dequantize(Tensor q, TensorSpec s) {
        float[] v = new float[q.elementCount()];
        for (int i = 0; i < v.length; i++) {
            v[i] = s.scale().floatValue() * (q.getLong(i) - s.zeroPoint());
        }
        return Tensor.ofFloats(q.shape(), v);
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

}
