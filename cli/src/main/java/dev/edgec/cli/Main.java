package dev.edgec.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import picocli.CommandLine;

/**
 * The {@code edgec} entry point. {@link #run} does all the work and returns the exit code, so tests
 * call it in-process; only {@link #main} exits the JVM.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(run(args, out, err));
    }

    /** Runs one command line, printing to {@code out} and {@code err}, and returns its {@link ExitCodes exit code}. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        try {
            return commandLine(out, err).execute(args);
        } catch (Throwable t) {
            // picocli hands Exceptions to the ErrorReporter; Errors (out of memory, stack overflow) arrive here.
            return ErrorReporter.report(t, Arrays.asList(args).contains(ErrorReporter.VERBOSE), err);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** The configured picocli command line, writing to the given streams. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return configure(new CommandLine(new EdgecCommand()), out, err);
    }

    /**
     * Sets streams, parsing rules and the error handler on {@code cl} and every subcommand it has now
     * (picocli copies settings down only to subcommands that exist when they are set).
     */
    public static CommandLine configure(CommandLine cl, PrintWriter out, PrintWriter err) {
        ErrorReporter reporter = new ErrorReporter();
        cl.setOut(out);
        cl.setErr(err);
        cl.setExpandAtFiles(false); // a model path may start with '@'
        cl.setUsageHelpAutoWidth(false);
        cl.setUsageHelpWidth(80);
        cl.setExecutionExceptionHandler(reporter);
        cl.setParameterExceptionHandler(reporter);
        return cl;
    }
}
