package dev.edgec.cli.command;

import dev.edgec.cli.CliException;
import dev.edgec.cli.io.TensorFiles;
import dev.edgec.core.CompileOptions;
import dev.edgec.core.onnx.ImportOptions;
import dev.edgec.core.onnx.InputShapes;
import dev.edgec.ir.Tensor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options that decide what a compile produces, shared by {@code compile} and {@code report}. */
public final class CompileSettings {
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

    @Option(names = "--dump-ir-after", paramLabel = "PASS", split = ",",
            description = "Prints the IR to stderr after the named optimizer pass changes it (repeatable; for debugging).")
    List<String> dumpIrAfter = new ArrayList<>();

    /** Checks the option values and turns them into compiler options. */
    CompileOptions toOptions() {
        if (optimizationLevel != 0 && optimizationLevel != 1) {
            throw CliException.usage("-O" + optimizationLevel + " is not an optimization level; use -O0 or -O1");
        }
        if (maxTensorBytes <= 0) {
            throw CliException.usage("--max-tensor-bytes must be positive, got " + maxTensorBytes);
        }
        return new CompileOptions(InputShapes.parse(inputShapes), loadFrozenInputs(), optimizationLevel, maxTensorBytes,
                new LinkedHashSet<>(dumpIrAfter));
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
}
