package dev.edgec.cli.command;

import com.dylibso.chicory.runtime.TrapException;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.InvalidException;
import com.dylibso.chicory.wasm.MalformedException;
import dev.edgec.cli.CliException;
import dev.edgec.cli.io.AtomicFiles;
import dev.edgec.cli.io.ModuleFile;
import dev.edgec.cli.io.NpyFormat;
import dev.edgec.cli.io.TensorFiles;
import dev.edgec.cli.report.Numbers;
import dev.edgec.cli.report.TensorSummary;
import dev.edgec.cli.runtime.ChicoryRuntime;
import dev.edgec.cli.runtime.ModuleRunException;
import dev.edgec.cli.runtime.ModuleRunner;
import dev.edgec.core.abi.ModuleSignature;
import dev.edgec.core.abi.TensorSpec;
import dev.edgec.core.onnx.ImportOptions;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Tensor;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code edgec run}: runs a module in Chicory through its ABI and summarises (and optionally saves) its outputs. */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = dev.edgec.cli.VersionProvider.class,
        description = "Runs a compiled module on inputs from files (or random ones) in the Chicory interpreter.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  edgec run lenet.wasm --random",
            "  edgec run lenet.wasm --input input=digit.npy --output-dir out",
            "  edgec run model.wasm --input a=test_data_set_0/input_0.pb --input b=b.npy",
            "",
            "Input files are .npy (version 1 or 2, little-endian, C order) or ONNX",
            "TensorProto .pb files, each with exactly the dtype and shape the module's",
            "signature gives (see 'edgec inspect'). --random fills every input not given",
            "with --input: floats uniform in [-1, 1), integers in [0, 10), bools 0 or 1.",
            "Outputs are printed in summary and, with --output-dir, saved as NAME.npy (bfloat16 ones as NAME.pb)."})
public final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODULE", description = "A module compiled by edgec (.wasm).")
    Path module;

    @Option(names = "--input", paramLabel = "NAME=FILE",
            description = "Reads input NAME from FILE (.npy or .pb); repeatable. A module with one input also "
                    + "accepts just FILE.")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--random", description = "Fills the inputs not given with --input with random values.")
    boolean random;

    @Option(names = "--seed", paramLabel = "N", description = "Seed for --random (default: 0).")
    Long seed;

    @Option(names = "--output-dir", paramLabel = "DIR", description = "Saves each output as DIR/NAME.npy (bfloat16: .pb).")
    Path outputDir;

    @Override
    public Integer call() {
        if (seed != null && !random) {
            throw CliException.usage("--seed needs --random");
        }
        ModuleFile file = ModuleFile.read(module);
        ModuleSignature signature = file.requireSignature();
        Map<String, Path> files = inputFiles(signature);
        List<TensorSpec> notGiven = signature.inputs().stream().filter(s -> !files.containsKey(s.name())).toList();
        if (!notGiven.isEmpty() && !random) {
            throw notGivenError(notGiven);
        }
        Random rnd = new Random(seed());
        List<Tensor> values = new ArrayList<>();
        for (TensorSpec s : signature.inputs()) {
            Path p = files.get(s.name());
            values.add(p == null ? RandomInputs.generate(s, rnd) : load(s, p));
        }
        long start = System.nanoTime();
        List<Tensor> outputs = runInChicory(file, values);
        double ms = (System.nanoTime() - start) / 1e6;
        print(signature, outputs, ms, notGiven.stream().map(TensorSpec::name).toList());
        return 0;
    }

    private long seed() {
        return seed == null ? 0 : seed;
    }

    private static CliException notGivenError(List<TensorSpec> notGiven) {
        TensorSpec first = notGiven.get(0);
        String others = notGiven.stream().skip(1).map(TensorSpec::name).collect(Collectors.joining(", "));
        return CliException.usage("input '" + first.name() + "' (" + first.type() + ") is not given"
                + (others.isEmpty() ? "" : " (nor " + others + ")")
                + "; give it with --input " + first.name() + "=FILE or use --random");
    }

    private List<Tensor> runInChicory(ModuleFile file, List<Tensor> inputs) {
        try (ModuleRunner runner = new ModuleRunner(file.bytes(), new ChicoryRuntime())) {
            return runner.run(inputs);
        } catch (MalformedException | InvalidException e) {
            throw CliException.invalidModule("'" + module + "' is not a valid module: " + e.getMessage());
        } catch (TrapException e) {
            throw new ModuleRunException("the module trapped (edgec modules never should): " + e.getMessage());
        } catch (ChicoryException e) {
            throw new ModuleRunException("chicory could not run the module: " + e.getMessage());
        }
    }

    private Map<String, Path> inputFiles(ModuleSignature signature) {
        Set<String> known = signature.inputs().stream().map(TensorSpec::name).collect(Collectors.toSet());
        Map<String, Path> files = new LinkedHashMap<>();
        for (String arg : inputs) {
            NameValue nv;
            if (arg.indexOf('=') < 0 && signature.inputs().size() == 1) {
                nv = new NameValue(signature.inputs().get(0).name(), arg);
            } else {
                nv = NameValue.parse("--input", arg, "FILE");
            }
            if (!known.contains(nv.name())) {
                throw CliException.usage("--input names '" + nv.name() + "', which is not an input of the module; its inputs are "
                        + signature.inputs().stream().map(s -> s.name() + " (" + s.type() + ")").collect(Collectors.joining(", ")));
            }
            if (files.put(nv.name(), Path.of(nv.value())) != null) {
                throw CliException.usage("--input gives input '" + nv.name() + "' twice");
            }
        }
        return files;
    }

    private static Tensor load(TensorSpec s, Path p) {
        Tensor t = TensorFiles.read(p, "input '" + s.name() + "'", ImportOptions.DEFAULT_MAX_TENSOR_BYTES);
        if (!t.type().equals(s.type())) {
            String what = t.dataType() != s.dtype() ? "dtype" : "shape";
            throw CliException.usage("input '" + s.name() + "' must be " + s.type() + " but '" + p + "' holds "
                    + t.type() + " (wrong " + what + ")");
        }
        return t;
    }

    private void print(ModuleSignature signature, List<Tensor> outputs, double ms, List<String> randomInputs) {
        PrintWriter out = spec.commandLine().getOut();
        out.println("ran " + module + " in chicory: " + Numbers.format(Math.round(ms * 10) / 10.0) + " ms"
                + (random && !randomInputs.isEmpty() ? " (random " + String.join(", ", randomInputs) + ", seed "
                + seed() + ")" : ""));
        Set<String> usedNames = new HashSet<>();
        for (int i = 0; i < outputs.size(); i++) {
            String name = signature.outputs().get(i).name();
            TensorSummary.lines(name, outputs.get(i)).forEach(out::println);
            if (outputDir != null) {
                Tensor t = outputs.get(i);
                // numpy has no bfloat16: such outputs are saved as ONNX TensorProto files instead
                boolean pb = t.dataType() == DataType.BFLOAT16;
                String file = fileName(name, usedNames);
                Path target = outputDir.resolve(pb ? file.substring(0, file.length() - 4) + ".pb" : file);
                AtomicFiles.write(target, pb ? TensorFiles.writeTensorProto(name, t) : NpyFormat.write(t));
                out.println("  saved: " + target);
            }
        }
    }

    /** A safe file name for an output: ONNX names may hold '/', ':' and other characters paths cannot. */
    static String fileName(String outputName, Set<String> used) {
        String base = outputName.replaceAll("[^A-Za-z0-9._-]", "_");
        if (base.isEmpty() || base.startsWith(".")) {
            base = "output" + base;
        }
        String name = base;
        for (int k = 1; !used.add(name); k++) {
            name = base + "_" + k;
        }
        return name + ".npy";
    }
}
