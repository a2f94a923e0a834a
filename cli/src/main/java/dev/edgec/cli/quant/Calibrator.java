package dev.edgec.cli.quant;

import dev.edgec.cli.runtime.ChicoryRuntime;
import dev.edgec.cli.runtime.ModuleRunner;
import dev.edgec.core.CompileOptions;
import dev.edgec.core.Compiler;
import dev.edgec.core.abi.TensorSpec;
import dev.edgec.core.onnx.ImportOptions;
import dev.edgec.core.onnx.proto.OnnxProto.ModelProto;
import dev.edgec.core.quant.ptq.ActivationRange;
import dev.edgec.core.quant.ptq.CalibrationMethod;
import dev.edgec.core.quant.ptq.CalibrationModel;
import dev.edgec.core.quant.ptq.MinMaxCollector;
import dev.edgec.core.quant.ptq.PercentileCollector;
import dev.edgec.ir.Tensor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Calibration in Chicory: compiles the float model with the activations to calibrate exposed as extra
 * outputs, runs it on every sample and collects their ranges. The float model's own outputs are kept
 * for the accuracy report. The percentile method runs the samples twice (min/max first, then histograms
 * over those ranges), so memory stays bounded whatever the number of samples.
 */
public final class Calibrator {
    /** What calibration found: the ranges, and the samples with the float model's outputs on each. */
    public record Result(Map<String, ActivationRange> ranges, List<TensorSpec> inputs, List<TensorSpec> outputs,
            List<List<Tensor>> samples, List<List<Tensor>> floatOutputs) {
    }

    private Calibrator() {
    }

    /**
     * @param modelDir the model's folder (for external data), or null
     * @param samplesSpec the {@code --calibration} value
     */
    public static Result calibrate(Compiler compiler, ModelProto model, byte[] modelBytes, Path modelDir,
            CompileOptions options, List<String> tensors, String samplesSpec, CalibrationMethod method,
            double percentile) {
        ImportOptions importOptions = new ImportOptions(options.inputShapes(), options.frozenInputs(), modelDir,
                options.maxTensorBytes());
        CalibrationModel cal = CalibrationModel.of(model, modelBytes, tensors, importOptions);
        byte[] wasm = compiler.compile(cal.model().toByteArray(), options.withDumpIrAfter(Set.of())).moduleBytes();
        try (ModuleRunner runner = new ModuleRunner(wasm, new ChicoryRuntime())) {
            List<TensorSpec> inputs = runner.signature().inputs();
            List<TensorSpec> allOutputs = runner.signature().outputs();
            int own = allOutputs.size() - cal.extraOutputs().size();
            List<List<Tensor>> samples = CalibrationSamples.load(samplesSpec, inputs, options.maxTensorBytes());
            Set<String> wanted = new HashSet<>(tensors);
            List<List<Tensor>> floatOutputs = new ArrayList<>();
            MinMaxCollector minMax = new MinMaxCollector();
            for (List<Tensor> sample : samples) {
                List<Tensor> out = runner.run(sample);
                floatOutputs.add(List.copyOf(out.subList(0, own)));
                observe(wanted, inputs, allOutputs, sample, out, options, minMax::observe);
            }
            Map<String, ActivationRange> ranges = minMax.ranges();
            if (method == CalibrationMethod.PERCENTILE) {
                PercentileCollector hist = new PercentileCollector(ranges);
                for (List<Tensor> sample : samples) {
                    observe(wanted, inputs, allOutputs, sample, runner.run(sample), options, hist::observe);
                }
                ranges = hist.ranges(percentile);
            }
            return new Result(ranges, inputs, allOutputs.subList(0, own), samples, floatOutputs);
        }
    }

    private static void observe(Set<String> wanted, List<TensorSpec> inputs, List<TensorSpec> outputs, List<Tensor> sample,
            List<Tensor> out, CompileOptions options, BiConsumer<String, Tensor> sink) {
        for (int i = 0; i < inputs.size(); i++) {
            if (wanted.contains(inputs.get(i).name())) {
                sink.accept(inputs.get(i).name(), sample.get(i));
            }
        }
        for (int i = 0; i < outputs.size(); i++) {
            if (wanted.contains(outputs.get(i).name())) {
                sink.accept(outputs.get(i).name(), out.get(i));
            }
        }
        options.frozenInputs().forEach((name, t) -> {
            if (wanted.contains(name)) {
                sink.accept(name, t);
            }
        });
    }
}
