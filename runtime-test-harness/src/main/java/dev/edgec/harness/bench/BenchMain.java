package dev.edgec.harness.bench;

import dev.edgec.harness.zoo.ZooFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Benchmarks edgec against the systems users would pick instead, side by side in one run, and writes
 * {@code docs/benchmarks.md}. Run it through {@code runtime-test-harness/bench/run.sh}, which installs
 * onnxruntime-web and builds what this needs.
 *
 * <p>Arguments: any extra ONNX files to measure after {@code models/*.onnx}, and the options
 * {@code --out FILE}, {@code --seconds-per-system S}, {@code --warm-up S}, {@code --min-runs N},
 * {@code --max-runs N}, {@code --rounds N}, {@code --cold-runs N}, {@code --only NAME} (zoo models whose
 * file name contains NAME; repeatable), {@code --no-zoo}. {@code --int8} measures instead edgec's float
 * module against its int8 one ({@link QuantBench}, calibrated on {@code --calibration-samples N} random
 * samples, default 8) in wasmtime and Chicory, and writes {@code docs/benchmarks-int8.md}.
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws IOException {
        Path root = ZooFiles.repoRoot();
        Path out = root.resolve("docs/benchmarks.md");
        double seconds = 5;
        double warmUp = 1;
        int minRuns = 5;
        int maxRuns = 500;
        int rounds = 10;
        int coldRuns = 3;
        boolean zoo = true;
        boolean int8 = false;
        int calibrationSamples = 8;
        List<String> only = new ArrayList<>();
        List<Path> extra = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[++i]).toAbsolutePath();
                case "--seconds-per-system" -> seconds = Double.parseDouble(args[++i]);
                case "--warm-up" -> warmUp = Double.parseDouble(args[++i]);
                case "--min-runs" -> minRuns = Integer.parseInt(args[++i]);
                case "--max-runs" -> maxRuns = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--cold-runs" -> coldRuns = Integer.parseInt(args[++i]);
                case "--only" -> only.add(args[++i]);
                case "--no-zoo" -> zoo = false;
                case "--int8" -> int8 = true;
                case "--calibration-samples" -> calibrationSamples = Integer.parseInt(args[++i]);
                default -> {
                    if (args[i].startsWith("--")) {
                        throw new IllegalArgumentException("unknown option " + args[i]);
                    }
                    extra.add(Path.of(args[i]).toAbsolutePath());
                }
            }
        }
        List<Path> models = new ArrayList<>();
        if (zoo) {
            for (Path p : zooFiles(root.resolve("models"))) {
                String file = p.getFileName().toString();
                if (only.isEmpty() || only.stream().anyMatch(file::contains)) {
                    models.add(p);
                }
            }
        }
        models.addAll(extra);
        if (int8 && !outGiven(args)) {
            out = root.resolve("docs/benchmarks-int8.md");
        }
        BenchSettings settings = new BenchSettings(models, out, root.resolve("cli/target/edgec.jar"),
                root.resolve("runtime-test-harness/bench"), root.resolve("runtime-test-harness/target/bench"),
                warmUp, seconds, minRuns, maxRuns, rounds, coldRuns);
        if (int8) {
            Files.createDirectories(out.getParent());
            Files.writeString(out, runInt8(settings, calibrationSamples));
            System.out.println("wrote " + out);
            return;
        }
        BenchRun run = run(settings);
        Files.createDirectories(out.getParent());
        Files.writeString(out, BenchReport.markdown(run));
        System.out.println("wrote " + out);
    }

    static BenchRun run(BenchSettings settings) {
        long start = System.nanoTime();
        String loadBefore = MachineInfo.loadAverage();
        var machine = MachineInfo.describe(settings.nodeDir());
        long bareNode = MachineInfo.bareNodeRssKiB();
        ModelBench bench = new ModelBench(settings, System.out);
        List<ModelResult> results = new ArrayList<>();
        List<String> names = names(settings.models());
        for (int i = 0; i < names.size(); i++) {
            results.add(bench.run(names.get(i), settings.models().get(i)));
        }
        Path dist = settings.nodeDir().resolve("node_modules/onnxruntime-web/dist");
        long wasm = size(dist.resolve("ort-wasm-simd-threaded.wasm"));
        long js = size(dist.resolve("ort-wasm-simd-threaded.mjs")) + size(dist.resolve("ort.node.min.mjs"));
        return new BenchRun(machine, loadBefore, MachineInfo.loadAverage(), bareNode, wasm, js, settings,
                (System.nanoTime() - start) / 1e9, results);
    }

    /** The int8 mode: float against int8 modules in wasmtime and Chicory ({@link QuantBench}); returns the Markdown. */
    static String runInt8(BenchSettings settings, int calibrationSamples) {
        long start = System.nanoTime();
        String loadBefore = MachineInfo.loadAverage();
        var machine = MachineInfo.describe(settings.nodeDir());
        QuantBench bench = new QuantBench(settings, calibrationSamples, System.out);
        List<QuantBench.Result> results = new ArrayList<>();
        List<String> names = names(settings.models());
        for (int i = 0; i < names.size(); i++) {
            results.add(bench.run(names.get(i), settings.models().get(i)));
        }
        return QuantBenchReport.markdown(results, machine, loadBefore, MachineInfo.loadAverage(), settings,
                calibrationSamples, (System.nanoTime() - start) / 1e9);
    }

    private static boolean outGiven(String[] args) {
        return java.util.Arrays.asList(args).contains("--out");
    }

    /** File names without {@code .onnx}; a name two files share gets its folder in front. */
    static List<String> names(List<Path> models) {
        List<String> stems = models.stream().map(BenchMain::stem).toList();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            String stem = stems.get(i);
            Path parent = models.get(i).getParent();
            boolean shared = stems.indexOf(stem) != stems.lastIndexOf(stem);
            names.add(shared && parent != null && parent.getFileName() != null ? parent.getFileName() + "/" + stem : stem);
        }
        return names;
    }

    private static String stem(Path p) {
        return p.getFileName().toString().replaceFirst("\\.onnx$", "");
    }

    private static List<Path> zooFiles(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".onnx")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }
}
