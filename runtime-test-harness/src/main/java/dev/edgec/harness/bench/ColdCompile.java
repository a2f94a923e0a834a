package dev.edgec.harness.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Cold compile time: the wall time of a fresh {@code java -jar edgec.jar compile model -o out.wasm}
 * process, JVM start-up included, as a user running the command once would see it.
 */
final class ColdCompile {
    private ColdCompile() {
    }

    static LatencyStats measure(Path jar, Path onnx, int runs, Path work) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing (build it with mvn -B -q package -pl cli -am -DskipTests)");
        }
        long[] nanos = new long[runs];
        Path out = work.resolve("cold-compile.wasm");
        Path log = work.resolve("cold-compile.log");
        for (int i = 0; i < runs; i++) {
            try {
                Files.createDirectories(work);
                long start = System.nanoTime();
                Process p = new ProcessBuilder("java", "-jar", jar.toString(), "compile", onnx.toString(), "-o", out.toString())
                        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
                int exit = p.waitFor();
                nanos[i] = System.nanoTime() - start;
                if (exit != 0) {
                    throw new IllegalStateException("edgec compile exited with " + exit + ": " + Files.readString(log).trim());
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot run java -jar " + jar + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        return LatencyStats.ofNanos(nanos);
    }
}
