package dev.edgec.harness.bench;

import dev.edgec.cli.quant.PostTrainingQuantization;
import dev.edgec.cli.runtime.ChicoryRuntime;
import dev.edgec.cli.runtime.ModuleRunner;
import dev.edgec.cli.runtime.WasmRuntime;
import dev.edgec.core.CompileOptions;
import dev.edgec.core.Compiler;
import dev.edgec.core.quant.ptq.AccuracyReport;
import dev.edgec.core.quant.ptq.CalibrationMethod;
import dev.edgec.harness.OrtReference;
import dev.edgec.harness.Tolerance;
import dev.edgec.harness.WasmtimeRuntime;
import dev.edgec.ir.Tensor;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The int8 mode of the benchmark ({@code --int8}): per model, edgec's float module against the module
 * {@code edgec compile --quantize int8 --calibration random:N} writes, both in wasmtime and in Chicory.
 * The four contenders are warmed up and then timed in interleaved rounds (the order rotating each
 * round), so that the machine's load falls on float and int8 alike and their ratio is fair.
 */
final class QuantBench {
    /** The contenders of one model, in table order. */
    static final List<String> CONTENDERS = List.of("float · wasmtime", "int8 · wasmtime", "float · Chicory", "int8 · Chicory");

    /** What one model gave: module bytes, and per contender its latency (null if it could not run), in {@link #CONTENDERS} order. */
    record Result(String name, long onnxBytes, long floatBytes, long int8Bytes, List<LatencyStats> latency,
                  List<LatencyStats> cpu, double int8MaxAbsError, boolean sameTop1, String failure) {
    }

    private final BenchSettings settings;
    private final int calibrationSamples;
    private final PrintStream log;

    QuantBench(BenchSettings settings, int calibrationSamples, PrintStream log) {
        this.settings = settings;
        this.calibrationSamples = calibrationSamples;
        this.log = log;
    }

    Result run(String name, Path onnxFile) {
        try {
            byte[] onnx = Files.readAllBytes(onnxFile);
            Compiler compiler = new Compiler();
            byte[] floatModule = compiler.compile(onnx, CompileOptions.defaults()).moduleBytes();
            byte[] qdq = PostTrainingQuantization.quantize(compiler, onnxFile, CompileOptions.defaults(),
                    "random:" + calibrationSamples, CalibrationMethod.MINMAX, 99.99).quantizedModel();
            byte[] int8Module = compiler.compile(qdq, CompileOptions.defaults()).moduleBytes();
            log.printf("%s: float module %d B, int8 module %d B (%.2fx)%n", name, floatModule.length, int8Module.length,
                    (double) int8Module.length / floatModule.length);
            Map<String, Tensor> inputs;
            List<Tensor> reference;
            try (OrtReference ort = new OrtReference(onnx)) {
                inputs = BenchModel.inputsFor(ort.inputTypes());
                reference = ort.run(inputs);
            }
            List<Tensor> ordered = new ArrayList<>(inputs.values());
            Map<String, JvmContender> running = new LinkedHashMap<>();
            double int8Error = 0;
            boolean sameTop1 = true;
            try {
                for (String c : CONTENDERS) {
                    WasmRuntime rt = c.endsWith("wasmtime") ? new WasmtimeRuntime() : new ChicoryRuntime();
                    ModuleRunner runner = new ModuleRunner(c.startsWith("int8") ? int8Module : floatModule, rt);
                    running.put(c, new JvmContender(() -> runner.run(ordered), runner));
                    List<Tensor> out = running.get(c).infer();
                    for (int i = 0; i < reference.size(); i++) {
                        if (c.startsWith("float")) {
                            String why = Tolerance.ZOO.mismatch(out.get(i), reference.get(i));
                            if (why != null) {
                                throw new IllegalStateException(c + " output " + i + ": " + why);
                            }
                        } else {
                            int8Error = Math.max(int8Error, Tolerance.maxAbsError(out.get(i), reference.get(i)));
                            sameTop1 &= AccuracyReport.argmax(out.get(i)) == AccuracyReport.argmax(reference.get(i));
                        }
                    }
                }
                Map<String, Integer> batch = new LinkedHashMap<>();
                running.forEach((c, r) -> batch.put(c, ModelBench.batchSize(settings, r)));
                Map<String, List<Timings>> samples = new LinkedHashMap<>();
                running.keySet().forEach(c -> samples.put(c, new ArrayList<>()));
                for (int round = 0; round < settings.rounds(); round++) {
                    List<String> order = new ArrayList<>(running.keySet());
                    Collections.rotate(order, -round);
                    for (String c : order) {
                        samples.get(c).add(running.get(c).time(batch.get(c)));
                    }
                }
                List<LatencyStats> wall = new ArrayList<>();
                List<LatencyStats> cpu = new ArrayList<>();
                for (String c : CONTENDERS) {
                    wall.add(LatencyStats.ofNanos(samples.get(c).stream()
                            .flatMapToLong(t -> java.util.Arrays.stream(t.wallNanos())).toArray()));
                    cpu.add(LatencyStats.ofNanos(samples.get(c).stream()
                            .flatMapToLong(t -> java.util.Arrays.stream(t.cpuNanos())).toArray()));
                    LatencyStats w = wall.get(wall.size() - 1);
                    log.printf("  %-18s median %9.3f ms (p10 %.3f, p90 %.3f, %d runs), CPU median %.3f ms%n", c,
                            w.medianMs(), w.p10Ms(), w.p90Ms(), w.runs(), cpu.get(cpu.size() - 1).medianMs());
                }
                return new Result(name, onnx.length, floatModule.length, int8Module.length, wall, cpu, int8Error, sameTop1,
                        null);
            } finally {
                running.values().forEach(JvmContender::close);
            }
        } catch (Exception e) {
            log.println(name + ": " + e.getMessage());
            return new Result(name, 0, 0, 0, null, null, Double.NaN, false, ModelBench.oneLine(e.getMessage()));
        }
    }
}
