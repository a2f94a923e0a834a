package dev.edgec.harness.zoo;

import dev.edgec.models.ZooModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the committed zoo files: {@code <repository>/models/<name>.onnx}. */
public final class ZooFiles {
    private ZooFiles() {
    }

    /**
     * The repository root: the {@code edgec.repoRoot} system property (set by surefire), else the
     * nearest folder at or above the working directory that holds {@code models/} and {@code pom.xml}.
     */
    public static Path repoRoot() {
        String configured = System.getProperty("edgec.repoRoot");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("models")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the edgec repository root above " + Path.of("").toAbsolutePath());
    }

    public static Path path(ZooModel model) {
        return repoRoot().resolve("models").resolve(model.fileName());
    }

    /** The committed bytes of {@code model}'s file. */
    public static byte[] read(ZooModel model) {
        try {
            return Files.readAllBytes(path(model));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the zoo file (regenerate with "
                    + "mvn -B -q -pl models -am -Pgenerate-zoo process-classes): " + e.getMessage(), e);
        }
    }
}
