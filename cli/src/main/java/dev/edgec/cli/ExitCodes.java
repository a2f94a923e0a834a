package dev.edgec.cli;

import dev.edgec.ir.EdgecException;

/**
 * Every exit code {@code edgec} returns, in one place. Scripts may rely on these numbers; they are
 * listed in {@code docs/cli.md} and in {@code edgec --help}.
 */
public final class ExitCodes {
    /** The command did what was asked. */
    public static final int SUCCESS = 0;
    /** A bug in edgec: an exception no stage expected. */
    public static final int INTERNAL = 1;
    /** The command line is wrong: unknown option, missing argument, an input that does not fit the module. */
    public static final int USAGE = 2;
    /** A file is missing, unreadable or cannot be written. */
    public static final int IO = 3;
    /** The model (or module) is malformed: not ONNX, truncated, inconsistent shapes, unknown attributes. */
    public static final int INVALID_MODEL = 4;
    /** The model is valid but uses something edgec does not compile (an operator, a type, an opset). */
    public static final int UNSUPPORTED_MODEL = 5;
    /** A size exceeds a limit (a tensor over {@code --max-tensor-bytes}, over wasm32 memory). */
    public static final int LIMIT_EXCEEDED = 6;
    /** The module exceeds a size budget the user set (reserved for size budgets). */
    public static final int BUDGET_EXCEEDED = 7;
    /** Running a module failed: its {@code run()} returned an error code, or it trapped. */
    public static final int RUNTIME = 8;

    private ExitCodes() {
    }

    /** The exit code for an error of the given kind. */
    public static int forKind(EdgecException.Kind kind) {
        return switch (kind) {
            case USAGE -> USAGE;
            case IO -> IO;
            case INVALID_MODEL -> INVALID_MODEL;
            case UNSUPPORTED_MODEL -> UNSUPPORTED_MODEL;
            case LIMIT_EXCEEDED -> LIMIT_EXCEEDED;
            case BUDGET_EXCEEDED -> BUDGET_EXCEEDED;
            case RUNTIME -> RUNTIME;
            case INTERNAL -> INTERNAL;
        };
    }
}
