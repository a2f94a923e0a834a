package dev.edgec.cli;

import dev.edgec.ir.EdgecException;

/** An error the command line itself finds (bad option value, unreadable file), with the kind that picks its exit code. */
public final class CliException extends EdgecException {
    private static final long serialVersionUID = 1L;

    private final Kind kind;

    public CliException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public CliException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public static CliException usage(String message) {
        return new CliException(Kind.USAGE, message);
    }

    public static CliException io(String message) {
        return new CliException(Kind.IO, message);
    }

    public static CliException invalidModule(String message) {
        return new CliException(Kind.INVALID_MODEL, message);
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
