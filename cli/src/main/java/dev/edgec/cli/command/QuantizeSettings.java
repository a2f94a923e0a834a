package dev.edgec.cli.command;

import dev.edgec.cli.CliException;
import dev.edgec.core.quant.ptq.CalibrationMethod;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The post-training quantization options of {@code compile}. */
public final class QuantizeSettings {
    static final double DEFAULT_PERCENTILE = 99.99;

    @Option(names = "--quantize", paramLabel = "TYPE",
            description = "Quantizes the model after training: int8 (the only type). Conv, Gemm and MatMul get int8 "
                    + "per-channel weights and int8 activations; the module keeps the model's float inputs and outputs (unless --integer-only).")
    String quantize;

    @Option(names = "--calibration", paramLabel = "DIR|random:N",
            description = "With --quantize: the samples that set the activation ranges: a folder of .npy or .pb inputs "
                    + "(one subfolder per sample for several inputs), or random:N for N random samples (a quick look).")
    String calibration;

    @Option(names = "--calibration-method", paramLabel = "METHOD",
            description = "With --quantize: minmax (default: the whole range seen) or percentile (clips outliers at "
                    + "--percentile).")
    String method;

    @Option(names = "--percentile", paramLabel = "P",
            description = "With --calibration-method percentile: the percentile kept at each end (default: "
                    + DEFAULT_PERCENTILE + ").")
    Double percentile;

    @Option(names = "--save-quantized-onnx", paramLabel = "FILE",
            description = "With --quantize: also writes the quantized (QDQ) ONNX model to FILE, e.g. to inspect it or "
                    + "run it in ONNX Runtime.")
    Path saveQuantizedOnnx;

    @Option(names = "--integer-only",
            description = "Makes a module with no float instruction (for FPU-less devices): its inputs and outputs are "
                    + "the int8 tensors at the quantized edges (scale and zero point in the signature) and every "
                    + "operator runs on an integer kernel, or the compile fails naming the ones that cannot. With "
                    + "--quantize int8, or for a model that is already quantized (QDQ).")
    boolean integerOnly;

    /** What {@code --quantize} asks for, checked. */
    record Plan(String samples, CalibrationMethod method, double percentile, Path saveOnnx, boolean integerOnly) {
    }

    /**
     * Checks {@code --integer-only} without {@code --quantize}: the model must already be quantized (hold
     * QuantizeLinear, DequantizeLinear or QLinear* nodes); a float model is a usage error. An unreadable
     * model is left for the compile to report.
     */
    void checkIntegerOnlyModel(Path model) {
        if (!integerOnly || quantize != null) {
            return;
        }
        byte[] bytes;
        try {
            bytes = java.nio.file.Files.readAllBytes(model);
        } catch (java.io.IOException e) {
            return;
        }
        boolean quantized;
        try {
            quantized = dev.edgec.core.onnx.OnnxImporter.parse(bytes).getGraph().getNodeList().stream()
                    .anyMatch(n -> n.getOpType().equals("QuantizeLinear") || n.getOpType().equals("DequantizeLinear")
                            || n.getOpType().startsWith("QLinear"));
        } catch (RuntimeException e) {
            return;
        }
        if (!quantized) {
            throw CliException.usage("--integer-only needs a quantized model: '" + model + "' has no QuantizeLinear, "
                    + "DequantizeLinear or QLinear node; add --quantize int8 --calibration DIR|random:N");
        }
    }

    /** The checked plan, or null when {@code --quantize} is not given (then no other quantization option may be). */
    Plan toPlan() {
        if (quantize == null) {
            String stray = calibration != null ? "--calibration" : method != null ? "--calibration-method"
                    : percentile != null ? "--percentile" : saveQuantizedOnnx != null ? "--save-quantized-onnx" : null;
            if (stray != null) {
                throw CliException.usage(stray + " goes with --quantize int8");
            }
            return null;
        }
        if (!quantize.equals("int8")) {
            throw CliException.usage("--quantize " + quantize + " is not supported; the only type is int8");
        }
        if (calibration == null) {
            throw CliException.usage("--quantize int8 needs --calibration DIR (a folder of input samples) or random:N");
        }
        CalibrationMethod m = method == null ? CalibrationMethod.MINMAX : CalibrationMethod.fromCliName(method);
        if (m == null) {
            throw CliException.usage("--calibration-method " + method + " is not a method; use minmax or percentile");
        }
        if (percentile != null && m != CalibrationMethod.PERCENTILE) {
            throw CliException.usage("--percentile goes with --calibration-method percentile");
        }
        double p = percentile == null ? DEFAULT_PERCENTILE : percentile;
        if (!(p > 50 && p <= 100)) {
            throw CliException.usage("--percentile must be above 50 and at most 100, got " + p);
        }
        return new Plan(calibration, m, p, saveQuantizedOnnx, integerOnly);
    }
}
