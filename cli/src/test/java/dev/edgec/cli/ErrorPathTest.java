package dev.edgec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgec.ir.EdgecException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The single error path: one line on stderr, a named exit code per error kind, stack traces only with --verbose. */
class ErrorPathTest {
    @TempDir
    Path dir;

    /** A test-only subcommand that throws whatever it is given, to reach paths no real input reaches. */
    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        private final Supplier<Throwable> failure;

        Boom(Supplier<Throwable> failure) {
            this.failure = failure;
        }

        @Override
        public Integer call() throws Exception {
            Throwable t = failure.get();
            if (t instanceof Exception e) {
                throw e;
            }
            throw (Error) t;
        }
    }

    private static Cli.Result boom(Supplier<Throwable> failure, String... extra) {
        String[] args = new String[extra.length + 1];
        args[0] = "boom";
        System.arraycopy(extra, 0, args, 1, extra.length);
        return Cli.run(cl -> cl.addSubcommand(new CommandLine(new Boom(failure))), args);
    }

    @ParameterizedTest
    @EnumSource(EdgecException.Kind.class)
    void everyErrorKindHasItsOwnCode(EdgecException.Kind kind) {
        Cli.Result r = boom(() -> new CliException(kind, "something about " + kind));
        assertEquals(ExitCodes.forKind(kind), r.code(), r::toString);
        String line = r.singleErrorLine();
        assertTrue(line.contains("something about " + kind), line);
    }

    @Test
    void codesAreDistinctAndAsDocumented() {
        Set<Integer> seen = new HashSet<>();
        for (EdgecException.Kind k : EdgecException.Kind.values()) {
            assertTrue(seen.add(ExitCodes.forKind(k)), "two kinds share code " + ExitCodes.forKind(k));
        }
        assertEquals(0, ExitCodes.SUCCESS);
        assertEquals(1, ExitCodes.forKind(EdgecException.Kind.INTERNAL));
        assertEquals(2, ExitCodes.forKind(EdgecException.Kind.USAGE));
        assertEquals(3, ExitCodes.forKind(EdgecException.Kind.IO));
        assertEquals(4, ExitCodes.forKind(EdgecException.Kind.INVALID_MODEL));
        assertEquals(5, ExitCodes.forKind(EdgecException.Kind.UNSUPPORTED_MODEL));
        assertEquals(6, ExitCodes.forKind(EdgecException.Kind.LIMIT_EXCEEDED));
        assertEquals(7, ExitCodes.forKind(EdgecException.Kind.BUDGET_EXCEEDED));
        assertEquals(8, ExitCodes.forKind(EdgecException.Kind.RUNTIME));
    }

    @Test
    void anUnexpectedExceptionIsAnInternalErrorWithoutStackTrace() {
        Cli.Result r = boom(() -> new NullPointerException("oops"));
        assertEquals(ExitCodes.INTERNAL, r.code(), r::toString);
        String line = r.singleErrorLine();
        assertTrue(line.contains("bug") && line.contains("oops") && line.contains("--verbose"), line);
    }

    @Test
    void verbosePrintsTheStackTraceAfterTheErrorLine() {
        for (String[] args : new String[][] {{"--verbose"}}) {
            Cli.Result r = boom(() -> new IllegalStateException("kaput"), args);
            assertEquals(ExitCodes.INTERNAL, r.code(), r::toString);
            assertTrue(r.err().startsWith("edgec: error: internal error"), r::toString);
            assertTrue(r.err().contains("\tat dev.edgec.cli.ErrorPathTest$Boom.call"), r::toString);
        }
        Path missing = dir.resolve("missing.onnx");
        Cli.Result before = Cli.run("--verbose", "compile", missing.toString());
        Cli.Result after = Cli.run("compile", missing.toString(), "--verbose");
        for (Cli.Result r : new Cli.Result[] {before, after}) {
            assertEquals(ExitCodes.IO, r.code(), r::toString);
            assertTrue(r.err().startsWith("edgec: error: model file"), r::toString);
            assertTrue(r.err().contains("\tat "), r::toString);
        }
    }

    @Test
    void anErrorIsAnInternalErrorUnlessOutOfMemory() {
        Cli.Result so = boom(StackOverflowError::new);
        assertEquals(ExitCodes.INTERNAL, so.code(), so::toString);
        so.singleErrorLine();
        Cli.Result oom = boom(() -> new OutOfMemoryError("Java heap space"));
        assertEquals(ExitCodes.LIMIT_EXCEEDED, oom.code(), oom::toString);
        assertTrue(oom.singleErrorLine().contains("-Xmx"), oom::toString);
    }

    @Test
    void commandLineMistakesAreUsageErrorsInOneLine() {
        String[][] cases = {
            {"compile"},
            {"compile", "a.onnx", "--no-such-option"},
            {"compile", "a.onnx", "--max-tensor-bytes", "lots"},
            {"frobnicate"},
            {"run"},
            {"inspect"},
            {},
        };
        for (String[] args : cases) {
            Cli.Result r = Cli.run(args);
            assertEquals(ExitCodes.USAGE, r.code(), () -> String.join(" ", args) + "\n" + r);
            assertEquals("", r.out());
            r.singleErrorLine();
        }
        assertTrue(Cli.run("compil", "x.onnx").singleErrorLine().contains("did you mean compile?"));
    }

    @Test
    void helpAndVersionSucceed() {
        for (String[] args : new String[][] {{"--help"}, {"-h"}, {"compile", "--help"}, {"run", "-h"}, {"inspect", "--help"},
                {"--version"}, {"compile", "--version"}}) {
            Cli.Result r = Cli.run(args);
            assertEquals(ExitCodes.SUCCESS, r.code(), r::toString);
            assertEquals("", r.err());
        }
        assertTrue(Cli.run("--version").out().startsWith("edgec " + dev.edgec.core.EdgecVersion.VERSION));
    }

    @Test
    void mainRunReturnsTheExitCode() {
        java.io.StringWriter err = new java.io.StringWriter();
        int code = Main.run(new String[] {"compile", dir.resolve("none.onnx").toString()},
                new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(err));
        assertEquals(ExitCodes.IO, code);
        assertTrue(err.toString().startsWith("edgec: error: "));
    }
}
