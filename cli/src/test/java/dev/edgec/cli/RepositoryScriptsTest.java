package dev.edgec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The launcher, the CI script and the README agree: same test command, executable scripts. */
class RepositoryScriptsTest {
    private static final Path ROOT = Path.of(System.getProperty("edgec.repoRoot", ".."));

    private static List<String> commandLines(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(String::strip).filter(l -> l.startsWith("mvn ")).toList();
    }

    @Test
    void theReadmeTestCommandIsWhatCiRuns() throws IOException {
        List<String> ci = commandLines(ROOT.resolve(".ci/run"));
        assertEquals(List.of("mvn -B verify"), ci);
        assertTrue(commandLines(ROOT.resolve("README.md")).contains(ci.get(0)), "README.md must show " + ci.get(0));
        assertTrue(Files.readString(ROOT.resolve("README.md"))
                .contains("./edgec compile models/lenet.onnx -o lenet.wasm && ./edgec run lenet.wasm --random"));
    }

    @Test
    void scriptsAreExecutableBash() throws IOException {
        for (String script : List.of("edgec", ".ci/run")) {
            Path p = ROOT.resolve(script);
            assertTrue(Files.isExecutable(p), script + " must be executable");
            assertEquals("#!/usr/bin/env bash", Files.readAllLines(p).get(0), script);
        }
        assertTrue(Files.readString(ROOT.resolve(".ci/run")).contains("set -euo pipefail"));
    }
}
