package dev.edgec.harness.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The checked-in list of conformance cases that do not pass yet, one per line:
 * {@code suite/test_name category [free-text note]}. Lines starting with {@code #} are comments.
 * The list may only shrink: a listed case that passes fails the build.
 */
public final class Expectations {
    /** Why a case may be listed. */
    public static final Set<String> CATEGORIES = Set.of("training-op", "sequence-type", "string-type", "random",
            "data-dependent-shape", "not-implemented", "wrong-result", "unsupported-type", "error", "crash");

    /** A listed case: its category and optional note. */
    public record Entry(String category, String note) {
    }

    private final Map<String, Entry> entries;

    private Expectations(Map<String, Entry> entries) {
        this.entries = entries;
    }

    public static Expectations read(Path file) throws IOException {
        Map<String, Entry> m = new TreeMap<>();
        if (!Files.exists(file)) {
            return new Expectations(m);
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+", 3);
            if (parts.length < 2 || !CATEGORIES.contains(parts[1])) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected 'suite/test category [note]' with a category from "
                        + CATEGORIES + ", got: " + line);
            }
            m.put(parts[0], new Entry(parts[1], parts.length > 2 ? parts[2] : ""));
        }
        return new Expectations(m);
    }

    public Entry get(String id) {
        return entries.get(id);
    }

    public Map<String, Entry> entries() {
        return entries;
    }

    /** Writes a list (sorted) with a header explaining the format. */
    public static void write(Path file, Map<String, Entry> entries) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("# ONNX backend test cases that edgec does not pass yet: suite/test category [note].\n");
        sb.append("# Categories: ").append(String.join(" ", new java.util.TreeSet<>(CATEGORIES))).append('\n');
        sb.append("# A listed case that passes fails the build: delete its line. Regenerate with\n");
        sb.append("#   mvn -B verify -pl runtime-test-harness -am -Dtest=ConformanceSuiteTest -Dedgec.conformance.bless=true\n");
        new TreeMap<>(entries).forEach((id, e) -> {
            sb.append(id).append(' ').append(e.category());
            if (!e.note().isEmpty()) {
                sb.append(' ').append(e.note().replace('\n', ' '));
            }
            sb.append('\n');
        });
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }
}
