package dev.edgec.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs wabt's {@code wasm-validate} with every post-MVP feature disabled (DESIGN.md feature profile). */
public final class WabtValidator {
    public static final List<String> MVP_FLAGS = List.of("--disable-simd", "--disable-bulk-memory",
            "--disable-reference-types", "--disable-multi-value", "--disable-saturating-float-to-int",
            "--disable-sign-extension", "--disable-mutable-globals");

    private WabtValidator() {
    }

    public static boolean available() {
        try {
            Process p = new ProcessBuilder("wasm-validate", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Null when the module validates under the MVP profile, else wasm-validate's message. */
    public static String validateMvp(byte[] wasm) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("edgec-validate", ".wasm");
            Files.write(tmp, wasm);
            List<String> cmd = new ArrayList<>();
            cmd.add("wasm-validate");
            cmd.addAll(MVP_FLAGS);
            cmd.add(tmp.toString());
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "wasm-validate timed out";
            }
            return p.exitValue() == 0 ? null : out.trim();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run wasm-validate (install wabt): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: a leftover temp file is harmless
                }
            }
        }
    }
}
