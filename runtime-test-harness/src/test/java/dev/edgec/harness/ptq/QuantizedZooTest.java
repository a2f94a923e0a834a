package dev.edgec.harness.ptq;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgec.cli.runtime.ChicoryRuntime;
import dev.edgec.cli.runtime.ModuleRunner;
import dev.edgec.core.CompileOptions;
import dev.edgec.core.Compiler;
import dev.edgec.core.onnx.OnnxImporter;
import dev.edgec.core.quant.ptq.AccuracyReport;
import dev.edgec.core.quant.ptq.QdqQuantizer;
import dev.edgec.harness.OrtReference;
import dev.edgec.harness.zoo.ZooFiles;
import dev.edgec.ir.Tensor;
import dev.edgec.models.Zoo;
import dev.edgec.models.ZooModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each zoo model's QDQ model, compiled by edgec and run in Chicory, against the same QDQ model in ONNX
 * Runtime. Needs the QuantizeLinear/DequantizeLinear operators (and the QDQ fusion for integer kernels);
 * until they are in, the compile fails with "unsupported operators".
 */
class QuantizedZooTest {
    /** Two samples: Chicory runs mobilenet and resnet8 slowly (10 samples took 390 s for the six models). */
    static final int SAMPLES = 2;

    static Stream<ZooModel> zoo() {
        return Zoo.all().stream();
    }

    @ParameterizedTest
    @MethodSource("zoo")
    void compiledQdqModelMatchesOnnxRuntime(ZooModel zoo) {
        byte[] model = ZooFiles.read(zoo);
        byte[] qdq = QdqQuantizer.quantize(OnnxImporter.parse(model),
                OrtQuantization.calibrate(model, OrtQuantization.randomSamples(model, 1, 100))).toByteArray();
        dev.edgec.core.CompileResult compiled = new Compiler().compile(qdq, CompileOptions.defaults());
        // every quantized Conv, Gemm and MatMul runs as an integer kernel, none as float on dequantized values
        List<String> floatKernels = compiled.graph().nodes().stream()
                .filter(n -> n.domain().isEmpty() && List.of("Conv", "Gemm", "MatMul").contains(n.opType()))
                .map(n -> n.opType() + " '" + n.name() + "'").toList();
        assertTrue(floatKernels.isEmpty(), zoo.fileName() + ": float kernels left: " + floatKernels);
        byte[] wasm = compiled.moduleBytes();
        List<Map<String, Tensor>> samples = OrtQuantization.randomSamples(model, 2, SAMPLES);
        List<String> names = new ArrayList<>();
        OnnxImporter.parse(model).getGraph().getOutputList().forEach(v -> names.add(v.getName()));
        AccuracyReport report = new AccuracyReport(names, names.stream().map(n -> true).toList());
        double maxRef = 0;
        try (OrtReference ort = new OrtReference(qdq); ModuleRunner runner = new ModuleRunner(wasm, new ChicoryRuntime())) {
            for (Map<String, Tensor> s : samples) {
                List<Tensor> expected = ort.run(s);
                report.add(expected, runner.run(new ArrayList<>(s.values())));
                for (Tensor t : expected) {
                    for (int i = 0; i < t.elementCount(); i++) {
                        maxRef = Math.max(maxRef, Math.abs(t.getDouble(i)));
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "ptq-edgec %-22s module %7d B; vs ORT QDQ: %s%n", zoo.fileName(), wasm.length,
                String.join("; ", report.lines()));
        for (int o = 0; o < names.size(); o++) {
            // Integer kernels may round a requantized value one step away from ONNX Runtime's; a few steps at most.
            assertTrue(report.maxAbsError(o) <= 0.05 * maxRef, zoo.fileName() + ": " + report.lines().get(o));
        }
    }
}
