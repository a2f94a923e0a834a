package dev.edgec.cli.command;

import dev.edgec.cli.CliException;
import dev.edgec.cli.io.AtomicFiles;
import dev.edgec.cli.quant.PostTrainingQuantization;
import dev.edgec.core.CompileOptions;
import dev.edgec.core.CompileResult;
import dev.edgec.core.Compiler;
import dev.edgec.core.quant.ptq.AccuracyReport;
import dev.edgec.core.quant.ptq.CalibrationMethod;
import dev.edgec.core.report.CompileReport;
import dev.edgec.core.report.ReportFormatter;
import dev.edgec.wasm.SectionReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
            "  edgec compile kws.onnx --max-module-size 65536 --max-memory 131072 --report",
            "  edgec compile kws.onnx --quantize int8 --calibration samples/ -o kws-int8.wasm",
            "  edgec compile kws.onnx --quantize int8 --calibration samples/ --integer-only",
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

    @Mixin
    CompileSettings settings;

    @Mixin
    BudgetSettings budget;

    @Mixin
    QuantizeSettings quantize;

    @Option(names = "--report", description = "Also prints the size report (as with 'edgec report') to stdout.")
    boolean report;

    @Option(names = "--json", description = "With --report: print the report as JSON instead of the summary line.")
    boolean json;

    @Override
    public Integer call() {
        if (json && !report) {
            throw CliException.usage("--json goes with --report");
        }
        Path out = output != null ? output : defaultOutput(model);
        checkOutput(out);
        Compiler compiler = new Compiler();
        CompileOptions options = settings.toOptions();
        QuantizeSettings.Plan plan = quantize.toPlan();
        PostTrainingQuantization.Outcome ptq = null;
        CompileResult result;
        if (plan == null) {
            quantize.checkIntegerOnlyModel(model);
            result = compiler.compile(model, options.withIntegerOnly(quantize.integerOnly));
        } else {
            ptq = PostTrainingQuantization.quantize(compiler, model, options, plan.samples(), plan.method(),
                    plan.percentile(), plan.integerOnly());
            if (plan.saveOnnx() != null && plan.saveOnnx().toAbsolutePath().normalize().equals(
                    model.toAbsolutePath().normalize())) {
                throw CliException.usage("--save-quantized-onnx '" + plan.saveOnnx() + "' is the model itself; choose another name");
            }
            if (plan.saveOnnx() != null) {
                // Written before the compile, so the QDQ model can be inspected even if compiling it fails.
                AtomicFiles.write(plan.saveOnnx(), ptq.quantizedModel());
            }
            result = compiler.compile(ptq.quantizedModel(), options.withIntegerOnly(plan.integerOnly()));
        }
        CompileReport sizes = CompileReport.of(result, compiler.registry());
        budget.toBudget().check(sizes);
        byte[] module = result.moduleBytes();
        AtomicFiles.write(out, module);
        var stdout = spec.commandLine().getOut();
        if (json) {
            stdout.println(ReportFormatter.json(sizes));
            return 0;
        }
        stdout.println(summary(out, module, result.assembled().memoryPages()));
        if (ptq != null) {
            printAccuracy(stdout, plan, ptq, module);
        }
        if (report) {
            stdout.print(ReportFormatter.text(sizes));
        }
        return 0;
    }

    private static void printAccuracy(java.io.PrintWriter out, QuantizeSettings.Plan plan,
            PostTrainingQuantization.Outcome ptq, byte[] module) {
        AccuracyReport acc = PostTrainingQuantization.accuracy(module, ptq.calibration());
        String method = plan.method() == CalibrationMethod.PERCENTILE
                ? "percentile " + plan.percentile() : plan.method().cliName();
        out.println("int8 post-training quantization (" + method + " calibration): ONNX " + ptq.floatModel().length
                + " -> " + ptq.quantizedModel().length + " bytes; against the float model on " + acc.samples()
                + " calibration sample" + (acc.samples() == 1 ? "" : "s") + ":");
        acc.lines().forEach(l -> out.println("  " + l));
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
