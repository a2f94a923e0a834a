package dev.edgec.harness.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One folder of the ONNX backend test data: {@code model.onnx} and one or more
 * {@code test_data_set_N/} folders of {@code input_K.pb} and {@code output_K.pb}.
 *
 * @param suite the data folder it belongs to ({@code node}, {@code simple}, …)
 * @param name  the test's folder name, e.g. {@code test_abs}
 */
public record ConformanceCase(String suite, String name, Path dir) {
    /** {@code suite/name}, the key used in the expectations list. */
    public String id() {
        return suite + "/" + name;
    }

    public Path model() {
        return dir.resolve("model.onnx");
    }

    public List<Path> dataSets() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("test_data_set_") && Files.isDirectory(p))
                    .sorted().toList();
        }
    }

    /** {@code prefix_0.pb, prefix_1.pb, …} of a data set, in index order. */
    public static List<Path> numbered(Path dataSet, String prefix) {
        List<Path> out = new ArrayList<>();
        for (int i = 0; Files.exists(dataSet.resolve(prefix + "_" + i + ".pb")); i++) {
            out.add(dataSet.resolve(prefix + "_" + i + ".pb"));
        }
        return out;
    }

    /** Every case of the given suites under {@code root}, sorted by id. */
    public static List<ConformanceCase> discover(Path root, List<String> suites) throws IOException {
        List<ConformanceCase> out = new ArrayList<>();
        for (String suite : suites) {
            Path dir = root.resolve(suite);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(p -> Files.exists(p.resolve("model.onnx"))).sorted()
                        .forEach(p -> out.add(new ConformanceCase(suite, p.getFileName().toString(), p)));
            }
        }
        return out;
    }
}
