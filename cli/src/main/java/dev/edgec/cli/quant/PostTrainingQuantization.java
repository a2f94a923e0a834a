package dev.edgec.cli.quant;

import dev.edgec.cli.runtime.ChicoryRuntime;
import dev.edgec.cli.runtime.ModuleRunner;
import dev.edgec.core.CompileOptions;
import dev.edgec.core.Compiler;
import dev.edgec.core.ModelFileException;
import dev.edgec.core.abi.TensorSpec;
import dev.edgec.core.onnx.ImportOptions;
import dev.edgec.core.onnx.OnnxImporter;
import dev.edgec.core.onnx.proto.OnnxProto.ModelProto;
import dev.edgec.core.quant.ptq.AccuracyReport;
import dev.edgec.core.quant.ptq.CalibrationMethod;
import dev.edgec.core.quant.ptq.QdqQuantizer;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.UnsupportedModelException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** {@code compile --quantize int8}: calibrate in Chicory, write the QDQ model, and measure the quantized module. */
public final class PostTrainingQuantization {
    /** The float model's and the QDQ model's bytes, and what calibration found. */
    public record Outcome(byte[] floatModel, byte[] quantizedModel, Calibrator.Result calibration) {
    }

    private PostTrainingQuantization() {
    }

    /** Calibrates {@code model} on the samples and quantizes it. */
    public static Outcome quantize(Compiler compiler, Path model, CompileOptions options, String samples,
            CalibrationMethod method, double percentile) {
        return quantize(compiler, model, options, samples, method, percentile, false);
    }

    /**
     * As {@link #quantize(Compiler, Path, CompileOptions, String, CalibrationMethod, double)}; with
     * {@code integerOnly}, the model is first pre-folded ({@code QdqQuantizer.preFold}) and every operator
     * with an integer kernel is quantized (see {@code QdqQuantizer.quantize(model, ranges, true)}).
     */
    public static Outcome quantize(Compiler compiler, Path model, CompileOptions options, String samples,
            CalibrationMethod method, double percentile, boolean integerOnly) {
        byte[] bytes = read(model);
        ModelProto proto = OnnxImporter.parse(bytes);
        // the whole import first: a malformed model is refused with the importer's message (exit code 4)
        // before the quantizer's rewrites, which assume a model that imports, ever read it (the imported
        // graph itself is not needed, so neither is the model's hash)
        new OnnxImporter(compiler.registry(), new ImportOptions(options.inputShapes(), options.frozenInputs(),
                model.toAbsolutePath().getParent(), options.maxTensorBytes())).importModel(proto, "");
        if (integerOnly) {
            ModelProto folded = QdqQuantizer.preFold(proto);
            if (folded != proto) {
                proto = folded;
                bytes = folded.toByteArray();
            }
        }
        List<String> tensors = QdqQuantizer.activationsToCalibrate(proto, integerOnly);
        if (tensors.isEmpty()) {
            throw new UnsupportedModelException("nothing to quantize: the model has no Conv, Gemm or MatMul with a "
                    + "constant float weight");
        }
        Calibrator.Result cal = Calibrator.calibrate(compiler, proto, bytes, model.toAbsolutePath().getParent(), options,
                tensors, samples, method, percentile);
        byte[] original = read(model);
        return new Outcome(original, QdqQuantizer.quantize(proto, cal.ranges(), integerOnly).toByteArray(), cal);
    }

    /** Runs the quantized module on the calibration samples and compares it with the float model's outputs. */
    public static AccuracyReport accuracy(byte[] quantizedModule, Calibrator.Result cal) {
        List<Shape> inputShapes = cal.inputs().stream().map(TensorSpec::shape).toList();
        AccuracyReport report = new AccuracyReport(cal.outputs().stream().map(TensorSpec::name).toList(),
                cal.outputs().stream().map(s -> AccuracyReport.looksLikeClassifier(s.shape(), inputShapes)).toList());
        try (ModuleRunner runner = new ModuleRunner(quantizedModule, new ChicoryRuntime())) {
            // an integer-only module takes and gives quantized tensors: convert with the signature's scales
            List<TensorSpec> ins = runner.signature().inputs();
            List<TensorSpec> outs = runner.signature().outputs();
            for (int i = 0; i < cal.samples().size(); i++) {
                List<Tensor> sample = cal.samples().get(i);
                List<Tensor> in = new java.util.ArrayList<>();
                for (int j = 0; j < sample.size(); j++) {
                    in.add(QuantizedEdges.quantize(sample.get(j), ins.get(j)));
                }
                List<Tensor> out = runner.run(in);
                List<Tensor> real = new java.util.ArrayList<>();
                for (int j = 0; j < out.size(); j++) {
                    real.add(QuantizedEdges.dequantize(out.get(j), outs.get(j)));
                }
                report.add(cal.floatOutputs().get(i), real);
            }
        }
        return report;
    }

    private static byte[] read(Path model) {
        try {
            return Files.readAllBytes(model);
        } catch (NoSuchFileException e) {
            throw new ModelFileException("model file '" + model + "' does not exist");
        } catch (IOException e) {
            throw new ModelFileException("cannot read model file '" + model + "': " + e.getMessage());
        }
    }
}
