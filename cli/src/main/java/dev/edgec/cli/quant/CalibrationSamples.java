package dev.edgec.cli.quant;

import dev.edgec.cli.CliException;
import dev.edgec.cli.io.IoErrors;
import dev.edgec.cli.io.TensorFiles;
import dev.edgec.core.abi.TensorSpec;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The inputs calibration runs the float model on, from {@code --calibration}: either {@code random:N}
 * (N seeded random samples, floats uniform in [-1, 1): a quick look, not a real calibration) or a
 * folder. For a model with one input, each {@code .npy} or {@code .pb} file in the folder is one sample;
 * for several inputs, each subfolder is one sample holding {@code <input name>.npy} or {@code .pb} per
 * input. Samples are taken in file-name order, so a run is repeatable.
 */
public final class CalibrationSamples {
    /** More random samples than this are refused: they would take long and add little. */
    static final int MAX_RANDOM = 100_000;
    static final long RANDOM_SEED = 0;

    private CalibrationSamples() {
    }

    /** Loads the samples for a module with these inputs; each sample lists its tensors in input order. */
    public static List<List<Tensor>> load(String spec, List<TensorSpec> inputs, long maxTensorBytes) {
        if (spec.startsWith("random:")) {
            return random(spec, inputs);
        }
        Path dir = Path.of(spec);
        if (!Files.isDirectory(dir)) {
            throw Files.exists(dir) ? CliException.usage("--calibration '" + spec + "' is a file; give a folder of samples or random:N")
                    : CliException.io("calibration folder '" + spec + "' does not exist");
        }
        List<List<Tensor>> samples = new ArrayList<>();
        if (inputs.size() == 1) {
            for (Path f : list(dir, false)) {
                samples.add(List.of(read(f, inputs.get(0), maxTensorBytes)));
            }
        } else {
            for (Path sub : list(dir, true)) {
                List<Tensor> sample = new ArrayList<>();
                for (TensorSpec s : inputs) {
                    sample.add(read(find(sub, s), s, maxTensorBytes));
                }
                samples.add(sample);
            }
        }
        if (samples.isEmpty()) {
            throw CliException.usage("calibration folder '" + spec + "' holds no samples (" + (inputs.size() == 1
                    ? ".npy or .pb files" : "one subfolder per sample with a file per input") + ")");
        }
        return samples;
    }

    private static List<List<Tensor>> random(String spec, List<TensorSpec> inputs) {
        int n;
        try {
            n = Integer.parseInt(spec.substring("random:".length()));
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 1 || n > MAX_RANDOM) {
            throw CliException.usage("--calibration " + spec + ": N must be a whole number from 1 to " + MAX_RANDOM);
        }
        Random rnd = new Random(RANDOM_SEED);
        List<List<Tensor>> samples = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Tensor> sample = new ArrayList<>();
            for (TensorSpec s : inputs) {
                sample.add(randomTensor(s, rnd));
            }
            samples.add(sample);
        }
        return samples;
    }

    private static Tensor randomTensor(TensorSpec s, Random rnd) {
        int n = s.type().elementCount();
        DataType dt = s.type().dataType();
        if (dt.isFloating()) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = rnd.nextDouble() * 2 - 1;
            }
            return Tensor.ofDoubles(dt, s.type().shape(), v);
        }
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            v[i] = rnd.nextInt(dt == DataType.BOOL ? 2 : 10);
        }
        return Tensor.ofLongs(dt, s.type().shape(), v);
    }

    private static List<Path> list(Path dir, boolean folders) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> folders ? Files.isDirectory(p) : Files.isRegularFile(p) && isSampleFile(p))
                    .sorted().toList();
        } catch (IOException e) {
            throw CliException.io("cannot list calibration folder '" + dir + "': " + IoErrors.reason(e));
        }
    }

    private static boolean isSampleFile(Path p) {
        String name = p.getFileName().toString();
        return name.endsWith(".npy") || name.endsWith(".pb");
    }

    private static Path find(Path sampleDir, TensorSpec s) {
        for (String ext : List.of(".npy", ".pb")) {
            Path p = sampleDir.resolve(s.name() + ext);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw CliException.usage("calibration sample '" + sampleDir + "' has no " + s.name() + ".npy or " + s.name()
                + ".pb for input '" + s.name() + "'");
    }

    private static Tensor read(Path f, TensorSpec s, long maxTensorBytes) {
        Tensor t = TensorFiles.read(f, "calibration sample for input '" + s.name() + "'", maxTensorBytes);
        if (!t.type().equals(s.type())) {
            throw CliException.usage("calibration sample '" + f + "' holds " + t.type() + " but input '" + s.name()
                    + "' is " + s.type());
        }
        return t;
    }
}
