package dev.edgec.cli.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.edgec.cli.CliException;
import dev.edgec.ir.EdgecException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    private long filesIn(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.count();
        }
    }

    @Test
    void writesCreatesFoldersAndReplaces() throws IOException {
        Path target = dir.resolve("a/b/out.bin");
        AtomicFiles.write(target, new byte[] {1, 2});
        assertArrayEquals(new byte[] {1, 2}, Files.readAllBytes(target));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        AtomicFiles.write(target, new byte[] {3});
        assertArrayEquals(new byte[] {3}, Files.readAllBytes(target));
        assertEquals(1, filesIn(target.getParent()));
    }

    @Test
    void aFailedWriteLeavesNothingBehind() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("taken"));
        CliException e = assertThrows(CliException.class, () -> AtomicFiles.write(folder, new byte[] {1}));
        assertEquals(EdgecException.Kind.IO, e.kind());
        Path blocked = Files.write(dir.resolve("file"), new byte[0]);
        CliException e2 = assertThrows(CliException.class, () -> AtomicFiles.write(blocked.resolve("x.wasm"), new byte[] {1}));
        assertEquals(EdgecException.Kind.IO, e2.kind());
        assertEquals(2, filesIn(dir));
    }

    @Test
    void aFailureAfterPartialWritingLeavesTheOldFileAndNoTemporary() throws IOException {
        Path target = Files.write(dir.resolve("model.wasm"), new byte[] {7, 7, 7});
        CliException e = assertThrows(CliException.class, () -> AtomicFiles.write(target, out -> {
            out.write(new byte[4096]);
            out.flush();
            throw new IOException("disk full (simulated after 4096 bytes)");
        }));
        assertEquals(EdgecException.Kind.IO, e.kind());
        org.junit.jupiter.api.Assertions.assertArrayEquals(new byte[] {7, 7, 7}, Files.readAllBytes(target));
        assertEquals(1, filesIn(dir), "no temporary file is left beside the target");

        Path fresh = dir.resolve("new.wasm");
        assertThrows(CliException.class, () -> AtomicFiles.write(fresh, out -> {
            out.write(1);
            throw new IOException("interrupted");
        }));
        assertEquals(false, Files.exists(fresh));
        assertEquals(1, filesIn(dir));
    }
}
