package dev.edgec.harness.bench;

import dev.edgec.core.CompileOptions;
import dev.edgec.core.CompileResult;
import dev.edgec.core.Compiler;
import dev.edgec.core.report.CompileReport;
import dev.edgec.harness.OrtReference;
import dev.edgec.harness.Tolerance;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.TensorType;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Benchmarks one model: compiles it with edgec (timing the compile warm and cold), starts every
 * system, checks each one's outputs against ONNX Runtime (Tolerance.ZOO) on the benchmark inputs,
 * and times the systems that passed in interleaved rounds. A system that fails stays in the result,
 * marked failed.
 */
final class ModelBench {
    private final BenchSettings settings;
    private final PrintStream log;

    ModelBench(BenchSettings settings, PrintStream log) {
        this.settings = settings;
        this.log = log;
    }

    /** Measures the model in {@code onnxFile}, shown as {@code name}. */
    ModelResult run(String name, Path onnxFile) {
        byte[] onnx = read(onnxFile);
        Compiler compiler = new Compiler();
        CompileResult compiled = null;
        String compileFailure = null;
        try {
            compiled = compiler.compile(onnx, CompileOptions.defaults());
        } catch (RuntimeException e) {
            compileFailure = oneLine(e.getMessage());
            log.println(name + ": edgec cannot compile it: " + compileFailure);
        }
        LatencyStats warm = null;
        LatencyStats cold = null;
        String coldFailure = null;
        long moduleBytes = 0;
        CompileReport report = null;
        if (compiled != null) {
            report = CompileReport.of(compiled, compiler.registry());
            moduleBytes = compiled.moduleBytes().length;
            warm = warmCompile(compiler, onnx);
            try {
                cold = ColdCompile.measure(settings.jar(), onnxFile, settings.coldCompileRuns(), settings.work());
            } catch (RuntimeException e) {
                coldFailure = oneLine(e.getMessage());
            }
            log.printf("%s: compiled (warm median %.1f ms), %d module bytes%n", name, warm.medianMs(), moduleBytes);
        }
        List<SystemResult> results = measure(name, onnxFile, onnx, compiled);
        return new ModelResult(name, onnx.length, compileFailure, moduleBytes, report == null ? 0 : report.memoryBytes(),
                report == null ? 0 : report.arenaPeak(), report == null ? 0 : report.weightBytes(), warm, cold,
                coldFailure, results);
    }

    private List<SystemResult> measure(String name, Path onnxFile, byte[] onnx, CompileResult compiled) {
        BenchModel model;
        List<Tensor> reference;
        try (OrtReference ort = new OrtReference(onnx)) {
            Map<String, TensorType> types = new LinkedHashMap<>();
            if (compiled != null) {
                compiled.signature().inputs().forEach(s -> types.put(s.name(), s.type()));
            } else {
                types.putAll(ort.inputTypes());
            }
            Map<String, Tensor> inputs = BenchModel.inputsFor(types);
            reference = ort.run(inputs);
            model = BenchModel.prepare(name, onnxFile, onnx, compiled, inputs,
                    reference.stream().map(Tensor::type).toList(), settings.work().resolve(name.replace('/', '_')));
        } catch (RuntimeException e) {
            String why = "no reference: ONNX Runtime Java cannot run the model: " + oneLine(e.getMessage());
            log.println(name + ": " + why);
            return java.util.Arrays.stream(BenchSystem.values()).map(s -> SystemResult.failed(s, why)).toList();
        }
        Map<BenchSystem, SystemResult> results = new LinkedHashMap<>();
        Map<BenchSystem, Contender> running = new LinkedHashMap<>();
        Map<BenchSystem, Double> errors = new LinkedHashMap<>();
        try {
            for (BenchSystem s : BenchSystem.values()) {
                try {
                    Contender c = s.start(model, settings.nodeDir());
                    running.put(s, c);
                    String mismatch = check(c.infer(), reference, errors, s);
                    if (mismatch != null) {
                        results.put(s, SystemResult.failed(s, "wrong output: " + mismatch));
                        running.remove(s).close();
                    }
                } catch (RuntimeException e) {
                    results.put(s, SystemResult.failed(s, oneLine(e.getMessage())));
                    Contender c = running.remove(s);
                    if (c != null) {
                        c.close();
                    }
                }
            }
            Map<BenchSystem, Integer> batch = new LinkedHashMap<>();
            for (Map.Entry<BenchSystem, Contender> e : new ArrayList<>(running.entrySet())) {
                try {
                    batch.put(e.getKey(), batchSize(e.getValue()));
                } catch (RuntimeException ex) {
                    results.put(e.getKey(), SystemResult.failed(e.getKey(), "failed while warming up: " + oneLine(ex.getMessage())));
                    running.remove(e.getKey()).close();
                }
            }
            Map<BenchSystem, List<Timings>> samples = interleave(running, batch, results);
            for (Map.Entry<BenchSystem, Contender> e : running.entrySet()) {
                BenchSystem s = e.getKey();
                long[] wall = samples.get(s).stream().flatMapToLong(t -> java.util.Arrays.stream(t.wallNanos())).toArray();
                long[] cpu = samples.get(s).stream().flatMapToLong(t -> java.util.Arrays.stream(t.cpuNanos())).toArray();
                OptionalLong rss = e.getValue().peakRssKiB();
                SystemResult r = new SystemResult(s, null, LatencyStats.ofNanos(wall), LatencyStats.ofNanos(cpu), errors.get(s), rss);
                results.put(s, r);
                log.printf("  %-24s median %9.3f ms  (p10 %.3f, p90 %.3f, %d runs), CPU median %.3f ms%n", s.label(),
                        r.latency().medianMs(), r.latency().p10Ms(), r.latency().p90Ms(), wall.length, r.cpu().medianMs());
            }
        } finally {
            running.values().forEach(Contender::close);
        }
        List<SystemResult> ordered = new ArrayList<>();
        for (BenchSystem s : BenchSystem.values()) {
            ordered.add(results.get(s));
        }
        return ordered;
    }

    /** Null when every output is within Tolerance.ZOO of ONNX Runtime; records the largest error. */
    private static String check(List<Tensor> actual, List<Tensor> reference, Map<BenchSystem, Double> errors, BenchSystem s) {
        double worst = 0;
        for (int i = 0; i < reference.size(); i++) {
            String why = Tolerance.ZOO.mismatch(actual.get(i), reference.get(i));
            if (why != null) {
                return "output " + i + ": " + why;
            }
            worst = Math.max(worst, Tolerance.maxAbsError(actual.get(i), reference.get(i)));
        }
        errors.put(s, worst);
        return null;
    }

    /**
     * Warms {@code c} up (at least {@code warmUpSeconds} and two inferences) and returns how many
     * inferences to time per round, from the median warm-up inference.
     */
    private int batchSize(Contender c) {
        return batchSize(settings, c);
    }

    /** As {@link #batchSize(Contender)}, for {@code settings}; also used by {@link QuantBench}. */
    static int batchSize(BenchSettings settings, Contender c) {
        List<Long> seen = new ArrayList<>();
        long start = System.nanoTime();
        int n = 1;
        while (seen.size() < 2 || System.nanoTime() - start < settings.warmUpSeconds() * 1e9) {
            for (long t : c.time(n).wallNanos()) {
                seen.add(t);
            }
            n = Math.min(n * 2, 64);
        }
        long[] recent = seen.subList(seen.size() / 2, seen.size()).stream().mapToLong(Long::longValue).toArray();
        double estimateSeconds = LatencyStats.ofNanos(recent).medianMs() / 1e3;
        long runs = Math.round(settings.secondsPerSystem() / Math.max(estimateSeconds, 1e-7));
        runs = Math.max(settings.minRuns(), Math.min(settings.maxRuns(), runs));
        return (int) Math.max(1, Math.ceil((double) runs / settings.rounds()));
    }

    /** Every round gives each system one batch; the order rotates so no system always goes first. */
    private Map<BenchSystem, List<Timings>> interleave(Map<BenchSystem, Contender> running, Map<BenchSystem, Integer> batch,
                                                      Map<BenchSystem, SystemResult> results) {
        Map<BenchSystem, List<Timings>> samples = new LinkedHashMap<>();
        running.keySet().forEach(s -> samples.put(s, new ArrayList<>()));
        for (int round = 0; round < settings.rounds(); round++) {
            List<BenchSystem> order = new ArrayList<>(running.keySet());
            java.util.Collections.rotate(order, -round);
            for (BenchSystem s : order) {
                try {
                    samples.get(s).add(running.get(s).time(batch.get(s)));
                } catch (RuntimeException e) {
                    results.put(s, SystemResult.failed(s, "failed while timed: " + oneLine(e.getMessage())));
                    running.remove(s).close();
                    samples.remove(s);
                }
            }
        }
        return samples;
    }

    /** In-process compile time with a warm JVM: two warm-up compiles, then up to ~3 s of timed ones. */
    private static LatencyStats warmCompile(Compiler compiler, byte[] onnx) {
        long first = 0;
        for (int i = 0; i < 2; i++) {
            long t = System.nanoTime();
            compiler.compile(onnx, CompileOptions.defaults());
            first = System.nanoTime() - t;
        }
        int runs = (int) Math.max(5, Math.min(20, 3e9 / Math.max(first, 1)));
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            compiler.compile(onnx, CompileOptions.defaults());
            nanos[i] = System.nanoTime() - t;
        }
        return LatencyStats.ofNanos(nanos);
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p + ": " + e.getMessage(), e);
        }
    }

    /** A message fit for one table cell: one line, no pipes, at most 160 characters. */
    static String oneLine(String message) {
        String s = String.valueOf(message).replace('|', '/').replaceAll("\\s+", " ").trim();
        return s.length() <= 160 ? s : s.substring(0, 159) + "…";
    }
}
