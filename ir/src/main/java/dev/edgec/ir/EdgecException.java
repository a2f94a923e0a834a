package dev.edgec.ir;

/**
 * The base of every error edgec reports to a user. Each subclass is one stage's failure and carries
 * the {@link Kind} the command line maps to an exit code. Messages are one line, saying what and where.
 */
public abstract class EdgecException extends RuntimeException {
    /** What went wrong, in the terms a user acts on. */
    public enum Kind {
        USAGE, IO, INVALID_MODEL, UNSUPPORTED_MODEL, LIMIT_EXCEEDED, BUDGET_EXCEEDED, RUNTIME, INTERNAL
    }

    private static final long serialVersionUID = 1L;

    protected EdgecException(String message) {
        super(message);
    }

    protected EdgecException(String message, Throwable cause) {
        super(message, cause);
    }

    public abstract Kind kind();
}
