package dev.edgec.harness.safety;

import dev.edgec.core.CompileOptions;
import dev.edgec.core.Compiler;
import dev.edgec.core.abi.ModuleSignature;
import dev.edgec.harness.conformance.ConformanceCase;
import dev.edgec.ir.EdgecException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every module edgec compiles from the zoo and the ONNX conformance models, compiled once per test
 * JVM. Models edgec refuses (with its own error) are left out: the fuzzer covers refusals.
 */
final class SafetyCorpus {
    private static final Path DATA = Path.of(System.getProperty("edgec.onnx.testdata", "/usr/share/libonnx-testdata/data"));
    private static final List<String> SUITES = List.of("node", "pytorch-converted", "pytorch-operator", "simple");
    private static List<Module> modules;

    /** One compiled module and where it came from. */
    record Module(String name, byte[] wasm, ModuleSignature signature) {
        @Override
        public String toString() {
            return name;
        }
    }

    private SafetyCorpus() {
    }

    static synchronized List<Module> modules() {
        if (modules == null) {
            List<Module> all = new ArrayList<>();
            Path zoo = Path.of(System.getProperty("edgec.repoRoot", "..")).resolve("models");
            for (Path p : list(zoo)) {
                compile("zoo/" + p.getFileName(), p, all);
            }
            if (Files.isDirectory(DATA)) {
                try {
                    for (ConformanceCase c : ConformanceCase.discover(DATA, SUITES)) {
                        compile(c.id(), c.model(), all);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            modules = List.copyOf(all);
        }
        return modules;
    }

    private static void compile(String name, Path model, List<Module> into) {
        try {
            var result = new Compiler().compile(model, CompileOptions.defaults());
            into.add(new Module(name, result.moduleBytes(), result.signature()));
        } catch (EdgecException e) {
            // refused with a clean error: nothing to run
        }
    }

    private static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".onnx")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
