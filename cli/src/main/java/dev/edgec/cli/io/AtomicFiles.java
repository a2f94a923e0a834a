package dev.edgec.cli.io;

import dev.edgec.cli.CliException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes a file so that readers see either the old content or the complete new one, never a torn
 * file: the bytes go to a temporary file in the target's folder, which is then renamed over the
 * target. On any failure the temporary file is removed and the target is left as it was.
 */
public final class AtomicFiles {
    private static final Set<PosixFilePermission> DEFAULT_MODE = PosixFilePermissions.fromString("rw-r--r--");

    private AtomicFiles() {
    }

    /** Writes {@code bytes} to {@code target}, creating its folder if needed; failures are {@code CliException}s of kind IO. */
    public static void write(Path target, byte[] bytes) {
        write(target, out -> out.write(bytes));
    }

    /** Produces a file's content; it may fail part way, after writing some bytes. */
    @FunctionalInterface
    interface Content {
        void writeTo(java.io.OutputStream out) throws IOException;
    }

    /** As {@link #write(Path, byte[])}, with the content streamed by {@code content}. */
    static void write(Path target, Content content) {
        Path abs = target.toAbsolutePath().normalize();
        if (Files.isDirectory(abs)) {
            throw CliException.io("cannot write '" + target + "': it is a folder");
        }
        Path dir = abs.getParent();
        Path tmp = null;
        boolean moved = false;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
            try (java.io.OutputStream out = Files.newOutputStream(tmp)) {
                content.writeTo(out);
            }
            setMode(tmp, abs);
            Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            moved = true;
        } catch (IOException e) {
            throw CliException.io("cannot write '" + target + "': " + IoErrors.reason(e));
        } finally {
            if (!moved && tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // nothing more can be done; the write error is what the user needs to see
                }
            }
        }
    }

    /** Temporary files are created private (0600); give the result the target's old mode, or 0644. */
    private static void setMode(Path tmp, Path target) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        Set<PosixFilePermission> mode = Files.exists(target) ? Files.getPosixFilePermissions(target) : DEFAULT_MODE;
        view.setPermissions(mode);
    }
}
