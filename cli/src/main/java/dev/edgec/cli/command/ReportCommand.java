package dev.edgec.cli.command;

import dev.edgec.core.CompileResult;
import dev.edgec.core.Compiler;
import dev.edgec.core.report.CompileReport;
import dev.edgec.core.report.ReportFormatter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code edgec report}: what the module compiled from MODEL would cost, per node and in total. Writes no file. */
@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = dev.edgec.cli.VersionProvider.class,
        description = "Compiles an ONNX model in memory and prints its size report: per node the op, output shape, "
                + "MACs, weight bytes, code bytes and arena slot; in total the module bytes (code/data/custom), "
                + "linear memory pages, arena peak and its lower bound, and MACs.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  edgec report models/ds_cnn.onnx",
            "  edgec report models/mobilenet_v1_025.onnx --json > sizes.json",
            "  edgec report model.onnx --max-module-size 65536 --max-memory 131072"})
public final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "The ONNX model file (.onnx).")
    Path model;

    @Mixin
    CompileSettings settings;

    @Mixin
    BudgetSettings budget;

    @Option(names = "--json", description = "Prints the report as JSON (for CI).")
    boolean json;

    @Override
    public Integer call() {
        Compiler compiler = new Compiler();
        CompileResult result = compiler.compile(model, settings.toOptions());
        CompileReport report = CompileReport.of(result, compiler.registry());
        spec.commandLine().getOut().print(json ? ReportFormatter.json(report) + "\n" : ReportFormatter.text(report));
        budget.toBudget().check(report);
        return 0;
    }
}
