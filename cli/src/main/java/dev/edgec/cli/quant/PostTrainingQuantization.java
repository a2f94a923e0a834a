package dev.edgec.cli.quant;

import dev.edgec.cli.runtime.ChicoryRuntime;
import dev.edgec.cli.runtime.ModuleRunner;
import dev.edgec.core.CompileOptions;
import dev.edgec.core.Compiler;
import dev.edgec.core.ModelFileException;
import dev.edgec.core.abi.TensorSpec;
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
        byte[] bytes = read(model);
        ModelProto proto = OnnxImporter.parse(bytes);
        List<String> tensors = QdqQuantizer.activationsToCalibrate(proto);
        if (tensors.isEmpty()) {
            throw new UnsupportedModelException("nothing to quantize: the model has no Conv, Gemm or MatMul with a "
                    + "constant float weight");
        }
        Calibrator.Result cal = Calibrator.calibrate(compiler, proto, bytes, model.toAbsolutePath().getParent(), options,
                tensors, samples, method, percentile);
        return new Outcome(bytes, QdqQuantizer.quantize(proto, cal.ranges()).toByteArray(), cal);
    }

    /** Runs the quantized module on the calibration samples and compares it with the float model's outputs. */
    public static AccuracyReport accuracy(byte[] quantizedModule, Calibrator.Result cal) {
        List<Shape> inputShapes = cal.inputs().stream().map(TensorSpec::shape).toList();
        AccuracyReport report = new AccuracyReport(cal.outputs().stream().map(TensorSpec::name).toList(),
                cal.outputs().stream().map(s -> AccuracyReport.looksLikeClassifier(s.shape(), inputShapes)).toList());
        try (ModuleRunner runner = new ModuleRunner(quantizedModule, new ChicoryRuntime())) {
            for (int i = 0; i < cal.samples().size(); i++) {
                List<Tensor> out = runner.run(cal.samples().get(i));
                report.add(cal.floatOutputs().get(i), out);
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
