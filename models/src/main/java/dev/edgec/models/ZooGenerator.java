package dev.edgec.models;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes every zoo model into a folder: the argument, else {@code models/} when run from the
 * repository root, else the current directory. Regenerate the committed files with
 * {@code mvn -B -q -pl models -am compile exec:java} (the exec plugin passes {@code models/}).
 */
public final class ZooGenerator {
    private ZooGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = args.length > 0 ? Path.of(args[0])
                : Files.isDirectory(Path.of("models")) ? Path.of("models") : Path.of(".");
        Files.createDirectories(dir);
        for (ZooModel m : Zoo.all()) {
            byte[] bytes = m.build();
            Path file = dir.resolve(m.fileName());
            Files.write(file, bytes);
            System.out.printf("%-22s %9d bytes  %s%n", m.fileName(), bytes.length, m.description());
        }
    }
}
