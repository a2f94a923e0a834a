package dev.edgec.cli;

import dev.edgec.cli.command.CompileCommand;
import dev.edgec.cli.command.InspectCommand;
import dev.edgec.cli.command.ReportCommand;
import dev.edgec.cli.command.RunCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The root {@code edgec} command: holds the subcommands and the options every subcommand shares. */
@Command(name = "edgec", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Compiles ONNX models ahead of time into small, import-free WebAssembly modules.",
        subcommands = {CompileCommand.class, RunCommand.class, InspectCommand.class, ReportCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  edgec compile model.onnx -o model.wasm",
            "  edgec compile model.onnx --input-shape input=1x3x96x96",
            "  edgec run model.wasm --input input=image.npy --output-dir out",
            "  edgec inspect model.wasm --json",
            "  edgec report model.onnx --max-module-size 65536",
            "",
            "Run 'edgec COMMAND --help' for a command's options. Documentation: docs/cli.md"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:internal error (a bug in edgec)",
            "2:usage error (bad option, input that does not fit the module)",
            "3:I/O error (missing or unreadable file)",
            "4:invalid model or module",
            "5:unsupported model (operator, type or opset)",
            "6:limit exceeded",
            "7:size budget exceeded",
            "8:runtime error while running a module"})
public final class EdgecCommand implements Callable<Integer> {
    @Option(names = ErrorReporter.VERBOSE, scope = ScopeType.INHERIT,
            description = "Print the stack trace of an error as well as its message.")
    boolean verbose;

    @Override
    public Integer call() {
        throw CliException.usage("no command given: use compile, run, inspect or report (see 'edgec --help')");
    }
}
