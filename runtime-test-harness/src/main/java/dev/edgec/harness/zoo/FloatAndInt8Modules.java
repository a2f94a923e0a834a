package dev.edgec.harness.zoo;

import dev.edgec.cli.quant.PostTrainingQuantization;
import dev.edgec.core.CompileOptions;
import dev.edgec.core.CompileResult;
import dev.edgec.core.Compiler;
import dev.edgec.core.quant.ptq.CalibrationMethod;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A model's float module ({@code edgec compile m.onnx}) and its int8 module ({@code edgec compile m.onnx
 * --quantize int8 --calibration random:N}, the CLI's own code path), as the int8 measurements compare them.
 */
public record FloatAndInt8Modules(CompileResult floatModule, CompileResult int8Module) {
    /** Compiles {@code onnx} both ways, calibrating on {@code samples} seeded random inputs. */
    public static FloatAndInt8Modules of(Path onnx, int samples) {
        Compiler compiler = new Compiler();
        try {
            CompileResult floatModule = compiler.compile(Files.readAllBytes(onnx), CompileOptions.defaults());
            byte[] qdq = PostTrainingQuantization.quantize(compiler, onnx, CompileOptions.defaults(), "random:" + samples,
                    CalibrationMethod.MINMAX, 99.99).quantizedModel();
            return new FloatAndInt8Modules(floatModule, compiler.compile(qdq, CompileOptions.defaults()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The zoo model {@code models/<name>.onnx}, calibrated on 8 samples as the int8 benchmark does. */
    public static FloatAndInt8Modules zoo(String name) {
        return of(Path.of("models", name + ".onnx"), 8);
    }
}
