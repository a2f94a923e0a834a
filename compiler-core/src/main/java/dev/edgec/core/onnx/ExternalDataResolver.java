package dev.edgec.core.onnx;

import dev.edgec.ir.InvalidModelException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads tensor data stored beside the model ({@code data_location = EXTERNAL}). Paths are relative
 * to the model's folder; one that is absolute or resolves (through {@code ..} or a symbolic link) to
 * a file outside that folder is rejected, so a model cannot make the compiler read arbitrary files.
 */
public final class ExternalDataResolver {
    private final Path baseDir;

    /** {@code baseDir} null means the model was not read from a file and external data is refused. */
    public ExternalDataResolver(Path baseDir) {
        this.baseDir = baseDir;
    }

    public byte[] read(Map<String, String> info, long expectedBytes, String where) {
        String location = info.get("location");
        if (location == null || location.isEmpty()) {
            throw new InvalidModelException(where + " has external data without a location");
        }
        if (baseDir == null) {
            throw new InvalidModelException(where + " has external data '" + location
                    + "' but the model was not loaded from a folder");
        }
        long offset = parseLong(info.getOrDefault("offset", "0"), where, "offset");
        long length = info.containsKey("length") ? parseLong(info.get("length"), where, "length") : expectedBytes;
        if (length != expectedBytes) {
            throw new InvalidModelException(where + " declares " + expectedBytes + " bytes but its external data length is " + length);
        }
        Path file = resolveInside(location, where);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            if (offset < 0 || offset + length > f.length()) {
                throw new InvalidModelException(where + ": external data '" + location + "' has " + f.length()
                        + " bytes, too few for offset " + offset + " and length " + length);
            }
            byte[] data = new byte[(int) length];
            f.seek(offset);
            f.readFully(data);
            return data;
        } catch (IOException e) {
            throw new InvalidModelException(where + ": cannot read external data '" + location + "': " + e.getMessage());
        }
    }

    private Path resolveInside(String location, String where) {
        Path rel;
        try {
            rel = Path.of(location);
        } catch (java.nio.file.InvalidPathException e) {
            throw new InvalidModelException(where + ": external data path '" + location.replace("\0", "\\0")
                    + "' is not a valid path");
        }
        if (rel.isAbsolute()) {
            throw new InvalidModelException(where + ": external data path '" + location + "' is absolute; it must be relative to the model's folder");
        }
        try {
            Path base = baseDir.toRealPath();
            Path candidate = base.resolve(rel).normalize();
            if (!candidate.startsWith(base)) {
                throw new InvalidModelException(where + ": external data path '" + location + "' leaves the model's folder");
            }
            if (!Files.exists(candidate)) {
                throw new InvalidModelException(where + ": external data file '" + location + "' does not exist");
            }
            Path real = candidate.toRealPath();
            if (!real.startsWith(base)) {
                throw new InvalidModelException(where + ": external data path '" + location + "' links outside the model's folder");
            }
            return real;
        } catch (IOException e) {
            throw new InvalidModelException(where + ": cannot resolve external data '" + location + "': " + e.getMessage());
        }
    }

    private static long parseLong(String s, String where, String key) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new InvalidModelException(where + ": external data " + key + " '" + s + "' is not a number");
        }
    }
}
