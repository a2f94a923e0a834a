package dev.edgec.cli.command;

import dev.edgec.cli.CliException;
import dev.edgec.cli.io.AtomicFiles;
import dev.edgec.cli.io.TensorFiles;
import dev.edgec.core.CompileOptions;
import dev.edgec.core.CompileResult;
import dev.edgec.core.Compiler;
import dev.edgec.core.onnx.ImportOptions;
import dev.edgec.core.onnx.InputShapes;
import dev.edgec.ir.Tensor;
import dev.edgec.wasm.SectionReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code edgec compile}: ONNX model in, WebAssembly module out, written atomically. */
@Command(name = "compile", mixinStandardHelpOptions = true, versionProvider = dev.edgec.cli.VersionProvider.class,
        description = "Compiles an ONNX model into an import-free WebAssembly module.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  edgec compile lenet.onnx -o lenet.wasm",
            "  edgec compile mobilenet.onnx --input-shape input=1x3x96x96 -O1",
            "  edgec compile model.onnx --freeze-input mask=mask.npy -o model.wasm",
            "",
            "The module is written to a temporary file beside OUT.wasm and renamed over",
            "it, so a failed compile never leaves a partial or stale OUT.wasm behind."})
public final class CompileCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "The ONNX model file (.onnx).")
    Path model;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.wasm",
            description = "Where to write the module (default: MODEL with the extension .wasm).")
    Path output;

    @Option(names = "--input-shape", paramLabel = "NAME=DIMS",
            description = "Fixes the shape of graph input NAME, e.g. input=1x3x96x96 (repeatable). Needed for inputs "
                    + "with symbolic dimensions.")
    List<String> inputShapes = new ArrayList<>();

    @Option(names = "--freeze-input", paramLabel = "NAME=FILE",
            description = "Bakes graph input NAME into the module as a constant read from FILE (.npy or ONNX "
                    + "TensorProto .pb); it leaves the module's inputs (repeatable).")
    List<String> frozenInputs = new ArrayList<>();

    @Option(names = "-O", paramLabel = "LEVEL", defaultValue = "1",
            description = "Optimization level: -O0 runs no optimization passes, -O1 (default) runs them.")
    int optimizationLevel;

    @Option(names = "--max-tensor-bytes", paramLabel = "N", defaultValue = "" + ImportOptions.DEFAULT_MAX_TENSOR_BYTES,
            description = "Refuses any tensor larger than N bytes, before allocating it (default: ${DEFAULT-VALUE}).")
    long maxTensorBytes;

    @Override
    public Integer call() {
        if (optimizationLevel != 0 && optimizationLevel != 1) {
            throw CliException.usage("-O" + optimizationLevel + " is not an optimization level; use -O0 or -O1");
        }
        if (maxTensorBytes <= 0) {
            throw CliException.usage("--max-tensor-bytes must be positive, got " + maxTensorBytes);
        }
        Path out = output != null ? output : defaultOutput(model);
        checkOutput(out);
        CompileOptions options = new CompileOptions(InputShapes.parse(inputShapes), loadFrozenInputs(),
                optimizationLevel, maxTensorBytes);
        CompileResult result = new Compiler().compile(model, options);
        byte[] module = result.moduleBytes();
        AtomicFiles.write(out, module);
        spec.commandLine().getOut().println(summary(out, module, result.assembled().memoryPages()));
        return 0;
    }

    static Path defaultOutput(Path model) {
        String name = model.getFileName().toString();
        String base = name.endsWith(".onnx") ? name.substring(0, name.length() - ".onnx".length()) : name;
        return model.resolveSibling(base + ".wasm");
    }

    private void checkOutput(Path out) {
        Path a = out.toAbsolutePath().normalize();
        Path m = model.toAbsolutePath().normalize();
        boolean same = a.equals(m);
        try {
            same |= Files.exists(a) && Files.exists(m) && Files.isSameFile(a, m);
        } catch (java.io.IOException e) {
            // unreadable paths are reported by the compile or the write that follows
        }
        if (same) {
            throw CliException.usage("the output '" + out + "' is the model itself; choose another name with -o");
        }
        if (Files.isDirectory(a)) {
            throw CliException.usage("the output '" + out + "' is a folder; give a file name with -o");
        }
    }

    private Map<String, Tensor> loadFrozenInputs() {
        Map<String, Tensor> frozen = new LinkedHashMap<>();
        for (String arg : frozenInputs) {
            NameValue nv = NameValue.parse("--freeze-input", arg, "FILE");
            if (frozen.containsKey(nv.name())) {
                throw CliException.usage("--freeze-input gives input '" + nv.name() + "' twice");
            }
            frozen.put(nv.name(), TensorFiles.read(Path.of(nv.value()), "frozen input '" + nv.name() + "'",
                    maxTensorBytes));
        }
        return frozen;
    }

    static String summary(Path out, byte[] module, int memoryPages) {
        long code = 0;
        long data = 0;
        for (SectionReader.Section s : SectionReader.sections(module)) {
            if (s.id() == 10) {
                code += s.totalBytes();
            } else if (s.id() == 11) {
                data += s.totalBytes();
            }
        }
        return "wrote " + out + ": " + module.length + " bytes (code " + code + ", data " + data + "), memory "
                + memoryPages + " page" + (memoryPages == 1 ? "" : "s") + " (" + memoryPages * 64L + " KiB)";
    }
}
