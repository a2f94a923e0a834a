package dev.edgec.harness.ptq;

import dev.edgec.cli.runtime.ModuleRunner;
import dev.edgec.cli.runtime.WasmRuntime;
import dev.edgec.core.onnx.ImportOptions;
import dev.edgec.core.onnx.OnnxImporter;
import dev.edgec.core.onnx.proto.OnnxProto.ModelProto;
import dev.edgec.core.quant.ptq.AccuracyReport;
import dev.edgec.core.quant.ptq.ActivationRange;
import dev.edgec.core.quant.ptq.CalibrationModel;
import dev.edgec.core.quant.ptq.MinMaxCollector;
import dev.edgec.core.quant.ptq.PercentileCollector;
import dev.edgec.core.quant.ptq.QdqQuantizer;
import dev.edgec.core.ops.OperatorRegistry;
import dev.edgec.harness.OrtReference;
import dev.edgec.harness.RandomTensors;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiConsumer;

/** Quantizes a float model with ranges calibrated in ONNX Runtime, and measures the QDQ model against it in ONNX Runtime. */
final class OrtQuantization {
    private OrtQuantization() {
    }

    /** Seeded random inputs (floats uniform in [-1, 1)), one map per sample. */
    static List<Map<String, Tensor>> randomSamples(byte[] model, long seed, int count) {
        List<Value> inputs = new OnnxImporter(OperatorRegistry.standard(), ImportOptions.defaults()).importModel(model)
                .graph().inputs();
        Random rnd = new Random(seed);
        List<Map<String, Tensor>> samples = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            Map<String, Tensor> sample = new LinkedHashMap<>();
            for (Value v : inputs) {
                sample.put(v.name(), RandomTensors.of(v.type(), rnd));
            }
            samples.add(sample);
        }
        return samples;
    }

    /** Min/max ranges of every activation the quantizer needs, observed in ONNX Runtime. */
    static Map<String, ActivationRange> calibrate(byte[] model, List<Map<String, Tensor>> samples) {
        return calibrate(model, samples, QdqQuantizer.activationsToCalibrate(OnnxImporter.parse(model)));
    }

    /** Min/max ranges of {@code tensors}, observed in ONNX Runtime. */
    static Map<String, ActivationRange> calibrate(byte[] model, List<Map<String, Tensor>> samples, List<String> tensors) {
        MinMaxCollector ranges = new MinMaxCollector();
        observeActivations(model, samples, tensors, ranges::observe);
        return ranges.ranges();
    }

    /** Ranges clipped at {@code percentile} (two passes, as {@code --calibration-method percentile}), observed in ONNX Runtime. */
    static Map<String, ActivationRange> calibratePercentile(byte[] model, List<Map<String, Tensor>> samples,
            double percentile) {
        PercentileCollector histograms = new PercentileCollector(calibrate(model, samples));
        observeActivations(model, samples, QdqQuantizer.activationsToCalibrate(OnnxImporter.parse(model)),
                histograms::observe);
        return histograms.ranges(percentile);
    }

    private static void observeActivations(byte[] model, List<Map<String, Tensor>> samples, List<String> tensors,
            BiConsumer<String, Tensor> observer) {
        ModelProto proto = OnnxImporter.parse(model);
        CalibrationModel cal = CalibrationModel.of(proto, model, tensors, ImportOptions.defaults());
        List<String> outputNames = new ArrayList<>();
        cal.model().getGraph().getOutputList().forEach(v -> outputNames.add(v.getName()));
        try (OrtReference ort = new OrtReference(cal.model().toByteArray())) {
            for (Map<String, Tensor> sample : samples) {
                List<Tensor> out = ort.run(sample);
                for (int i = 0; i < out.size(); i++) {
                    if (tensors.contains(outputNames.get(i))) {
                        observer.accept(outputNames.get(i), out.get(i));
                    }
                }
                sample.forEach((name, t) -> {
                    if (tensors.contains(name)) {
                        observer.accept(name, t);
                    }
                });
            }
        }
    }

    /** An empty report for the float model's outputs (classifier outputs as {@link AccuracyReport#looksLikeClassifier} says). */
    static AccuracyReport report(byte[] floatModel) {
        var graph = new OnnxImporter(OperatorRegistry.standard(), ImportOptions.defaults()).importModel(floatModel).graph();
        List<Shape> inputShapes = graph.inputs().stream().map(v -> v.type().shape()).toList();
        return new AccuracyReport(graph.outputs().stream().map(Value::name).toList(),
                graph.outputs().stream().map(v -> AccuracyReport.looksLikeClassifier(v.type().shape(), inputShapes)).toList());
    }

    /** The float model in ONNX Runtime against the edgec module {@code wasm} in {@code runtime}, on {@code samples}. */
    static AccuracyReport compareModule(byte[] floatModel, byte[] wasm, WasmRuntime runtime, List<Map<String, Tensor>> samples) {
        AccuracyReport report = report(floatModel);
        try (OrtReference f = new OrtReference(floatModel); ModuleRunner q = new ModuleRunner(wasm, runtime)) {
            for (Map<String, Tensor> sample : samples) {
                report.add(f.run(sample), q.run(new ArrayList<>(sample.values())));
            }
        }
        return report;
    }

    /** Runs both models in ONNX Runtime on {@code samples} and compares their outputs. */
    static AccuracyReport compare(byte[] floatModel, byte[] quantizedModel, List<Map<String, Tensor>> samples) {
        AccuracyReport report = report(floatModel);
        try (OrtReference f = new OrtReference(floatModel); OrtReference q = new OrtReference(quantizedModel)) {
            for (Map<String, Tensor> sample : samples) {
                report.add(f.run(sample), q.run(sample));
            }
        }
        return report;
    }
}
