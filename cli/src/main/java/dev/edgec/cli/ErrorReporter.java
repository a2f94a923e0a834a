package dev.edgec.cli;

import dev.edgec.ir.EdgecException;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The command line's one error path: every failure, whether picocli found it while parsing or a
 * command threw it, is printed here as a single {@code edgec: error: <message>} line and turned
 * into an {@link ExitCodes} value. Stack traces are printed only with {@code --verbose}.
 */
final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {
    static final String PREFIX = "edgec: error: ";
    static final String VERBOSE = "--verbose";

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        return report(ex, isVerbose(parseResult), commandLine.getErr());
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        StringBuilder msg = new StringBuilder(ex.getMessage() == null ? "invalid command line" : ex.getMessage());
        if (ex instanceof UnmatchedArgumentException u) {
            List<String> suggestions = u.getSuggestions();
            if (!suggestions.isEmpty()) {
                msg.append("; did you mean ").append(String.join(" or ", suggestions)).append('?');
            }
        }
        msg.append(" (see '").append(ex.getCommandLine().getCommandSpec().qualifiedName()).append(" --help')");
        PrintWriter err = ex.getCommandLine().getErr();
        err.println(PREFIX + oneLine(msg.toString()));
        if (List.of(args).contains(VERBOSE)) {
            ex.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.USAGE;
    }

    /** Prints {@code t} as one error line (plus its stack trace if {@code verbose}) and returns its exit code. */
    static int report(Throwable t, boolean verbose, PrintWriter err) {
        int code;
        String message;
        if (t instanceof EdgecException e && e.kind() != EdgecException.Kind.INTERNAL) {
            code = ExitCodes.forKind(e.kind());
            message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        } else if (t instanceof OutOfMemoryError) {
            code = ExitCodes.LIMIT_EXCEEDED;
            message = "the Java heap is too small for this model; give the JVM more memory, e.g. EDGEC_JAVA_OPTS=-Xmx8g";
        } else {
            code = ExitCodes.INTERNAL;
            String what = t instanceof EdgecException ? t.getMessage() : t.toString();
            message = "internal error, this is a bug in edgec (" + what + ")"
                    + (verbose ? "; please report it with the stack trace below" : "; rerun with --verbose for the stack trace and please report it");
        }
        err.println(PREFIX + oneLine(message));
        if (verbose) {
            t.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    /** True if {@code --verbose} was given to the root command or any subcommand. */
    static boolean isVerbose(ParseResult parseResult) {
        for (ParseResult p = parseResult; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption(VERBOSE)) {
                return true;
            }
        }
        return false;
    }

    static String oneLine(String s) {
        return s.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
