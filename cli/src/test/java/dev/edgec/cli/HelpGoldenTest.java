package dev.edgec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code --help} text of every command is pinned in {@code src/test/resources/golden/help-*.txt}.
 * After an intended change, rewrite the files with
 * {@code mvn -B -o -q verify -pl cli -am -Dtest=HelpGoldenTest -Dsurefire.failIfNoSpecifiedTests=false -Dedgec.bless=true}
 * and review the diff.
 */
class HelpGoldenTest {
    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");

    @ParameterizedTest
    @ValueSource(strings = {"edgec", "compile", "run", "inspect", "report"})
    void helpMatchesTheGoldenFile(String command) throws IOException {
        Cli.Result r = command.equals("edgec") ? Cli.run("--help") : Cli.run(command, "--help");
        assertEquals(ExitCodes.SUCCESS, r.code(), r::toString);
        String actual = r.out().replace("\r\n", "\n");
        Path file = GOLDEN.resolve("help-" + command + ".txt");
        if (Boolean.getBoolean("edgec.bless")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        String expected = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "<missing " + file + ">";
        assertEquals(expected, actual, "help of '" + command + "' changed; if intended, rerun with -Dedgec.bless=true "
                + "(see this class's Javadoc) and review the diff of " + file);
    }
}
