package dev.edgec.harness.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Where the oracle puts each mutant so that external data has a folder to be read from: the model
 * beside a {@code weights.bin} it may use, and a {@code secret.bin} one level up, reachable by
 * {@code ../}, by an absolute path and through a symlink, that it must never read. The secret's bytes
 * are a marker no model contains, so a module that holds them proves an escape.
 */
final class FuzzFolder {
    static final byte[] SECRET = marker();
    private final Path model;

    FuzzFolder() {
        try {
            Path root = Files.createTempDirectory("edgec-fuzz");
            Path folder = Files.createDirectory(root.resolve("model"));
            Files.write(root.resolve("secret.bin"), SECRET);
            Files.write(folder.resolve("weights.bin"), new byte[4096]);
            Files.createSymbolicLink(folder.resolve("link.bin"), root.resolve("secret.bin"));
            Files.createSymbolicLink(folder.resolve("up"), root);
            model = folder.resolve("m.onnx");
            root.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code bytes} as the folder's model and returns its path. */
    Path write(byte[] bytes) {
        try {
            Files.write(model, bytes);
            return model;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True if {@code module} holds 16 bytes of the secret in a row. */
    static boolean leaksSecret(byte[] module) {
        byte[] probe = Arrays.copyOfRange(SECRET, 8, 24);
        outer:
        for (int i = 0; i + probe.length <= module.length; i++) {
            for (int j = 0; j < probe.length; j++) {
                if (module[i + j] != probe[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static byte[] marker() {
        byte[] b = new byte[4096];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i * 131 + 7 ^ (i >> 3) * 29);
        }
        return b;
    }
}
