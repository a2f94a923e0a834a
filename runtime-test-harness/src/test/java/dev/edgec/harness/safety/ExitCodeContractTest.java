package dev.edgec.harness.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgec.cli.EdgecCommand;
import dev.edgec.cli.ExitCodes;
import dev.edgec.cli.Main;
import dev.edgec.cli.runtime.ModuleRunException;
import dev.edgec.core.report.BudgetExceededException;
import dev.edgec.ir.EdgecException;
import dev.edgec.ir.InvalidModelException;
import dev.edgec.ir.IrVerificationException;
import dev.edgec.ir.LimitExceededException;
import dev.edgec.ir.UnsupportedModelException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The exit codes scripts rely on: {@code ExitCodes} holds exactly 0 success, 1 internal and 2..8
 * usage, IO, invalid, unsupported, limit, budget, runtime; {@code docs/cli.md} and {@code edgec --help}
 * list the same numbers; and each library exception class leaves the CLI as its code with one
 * {@code edgec: error:} line.
 */
class ExitCodeContractTest {
    private static final Map<String, Integer> EXPECTED = Map.of("SUCCESS", 0, "INTERNAL", 1, "USAGE", 2, "IO", 3,
            "INVALID_MODEL", 4, "UNSUPPORTED_MODEL", 5, "LIMIT_EXCEEDED", 6, "BUDGET_EXCEEDED", 7, "RUNTIME", 8);

    @Test
    void exitCodesHoldsExactlyTheDocumentedCodes() throws IllegalAccessException {
        Map<String, Integer> actual = new TreeMap<>();
        for (Field f : ExitCodes.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class) {
                actual.put(f.getName(), f.getInt(null));
            }
        }
        assertEquals(new TreeMap<>(EXPECTED), actual);
    }

    @Test
    void docsListTheSameCodes() throws IOException {
        Path doc = Path.of(System.getProperty("edgec.repoRoot", "..")).resolve("docs/cli.md");
        Matcher m = Pattern.compile("(?m)^\\| (\\d+) \\| `([A-Z_]+)` \\|").matcher(Files.readString(doc));
        Map<String, Integer> documented = new TreeMap<>();
        while (m.find()) {
            documented.put(m.group(2), Integer.parseInt(m.group(1)));
        }
        assertEquals(new TreeMap<>(EXPECTED), documented);
    }

    @Test
    void helpListsEveryCode() {
        StringWriter out = new StringWriter();
        Main.run(new String[] {"--help"}, new PrintWriter(out), new PrintWriter(new StringWriter()));
        String help = out.toString();
        String codes = help.substring(help.indexOf("Exit codes:"));
        for (int code : EXPECTED.values()) {
            assertTrue(Pattern.compile("(?m)^\\s+" + code + "\\s+\\S").matcher(codes).find(), "code " + code + " in\n" + codes);
        }
    }

    static Stream<Arguments> libraryErrors() {
        return Stream.of(
                Arguments.of(new InvalidModelException("bad model"), ExitCodes.INVALID_MODEL),
                Arguments.of(new IrVerificationException("bad graph"), ExitCodes.INVALID_MODEL),
                Arguments.of(new UnsupportedModelException("no such op"), ExitCodes.UNSUPPORTED_MODEL),
                Arguments.of(new LimitExceededException("too big"), ExitCodes.LIMIT_EXCEEDED),
                Arguments.of(new BudgetExceededException("over budget"), ExitCodes.BUDGET_EXCEEDED),
                Arguments.of(new ModuleRunException("run() returned error code 1"), ExitCodes.RUNTIME),
                Arguments.of(new IllegalStateException("bug"), ExitCodes.INTERNAL));
    }

    /** A subcommand that throws what it is given, to reach each library exception through the CLI's one error path. */
    @Command(name = "throw")
    static final class Thrower implements Callable<Integer> {
        private final Exception failure;

        Thrower(Exception failure) {
            this.failure = failure;
        }

        @Override
        public Integer call() throws Exception {
            throw failure;
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("libraryErrors")
    void libraryExceptionsLeaveAsTheirCodeInOneLine(Exception e, int code) {
        StringWriter err = new StringWriter();
        PrintWriter w = new PrintWriter(err);
        CommandLine cl = new CommandLine(new EdgecCommand()).addSubcommand(new CommandLine(new Thrower(e)));
        int got = Main.configure(cl, new PrintWriter(new StringWriter()), w).execute("throw");
        w.flush();
        assertEquals(code, got, err::toString);
        String[] lines = err.toString().split("\\R");
        assertEquals(1, lines.length, err::toString);
        assertTrue(lines[0].startsWith("edgec: error: ") && lines[0].contains(e.getMessage()), err::toString);
        if (e instanceof EdgecException ee) {
            assertEquals(ExitCodes.forKind(ee.kind()), code);
        }
    }
}
