package dev.edgec.cli.command;

import dev.edgec.cli.io.ModuleFile;
import dev.edgec.cli.report.ModuleReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code edgec inspect}: a module's signature, section sizes, memory and exports. */
@Command(name = "inspect", mixinStandardHelpOptions = true, versionProvider = dev.edgec.cli.VersionProvider.class,
        description = "Shows a module's inputs and outputs, where its model came from, its section sizes, memory "
                + "and exports.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  edgec inspect lenet.wasm",
            "  edgec inspect lenet.wasm --json | jq '.signature.inputs'"})
public final class InspectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODULE", description = "A WebAssembly module (.wasm).")
    Path module;

    @Option(names = "--json", description = "Prints the report as JSON.")
    boolean json;

    @Override
    public Integer call() {
        ModuleReport report = ModuleReport.of(ModuleFile.read(module));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(report.json());
        } else {
            report.textLines().forEach(out::println);
        }
        return 0;
    }
}
