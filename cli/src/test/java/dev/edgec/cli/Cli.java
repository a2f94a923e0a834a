package dev.edgec.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.Function;
import picocli.CommandLine;

/** Runs {@code edgec} in-process and captures what it prints. */
public final class Cli {
    /** The exit code and the captured stdout and stderr of one command. */
    public record Result(int code, String out, String err) {
        /** Stderr must be exactly one {@code edgec: error:} line with no stack trace. */
        public String singleErrorLine() {
            String[] lines = err.split("\\R");
            if (lines.length != 1 || !lines[0].startsWith("edgec: error: ") || err.contains("\tat ")) {
                throw new AssertionError("stderr is not one 'edgec: error:' line:\n" + err);
            }
            return lines[0];
        }

        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private Cli() {
    }

    public static Result run(String... args) {
        return run(cl -> cl, args);
    }

    /** Runs with a command line changed by {@code customize} first (e.g. a test subcommand added). */
    public static Result run(Function<CommandLine, CommandLine> customize, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintWriter o = new PrintWriter(out);
        PrintWriter e = new PrintWriter(err);
        int code;
        try {
            code = Main.configure(customize.apply(new CommandLine(new EdgecCommand())), o, e).execute(args);
        } catch (Throwable t) {
            code = ErrorReporter.report(t, java.util.List.of(args).contains("--verbose"), e);
        }
        o.flush();
        e.flush();
        return new Result(code, out.toString(), err.toString());
    }
}
