package dev.edgec.cli.command;

import dev.edgec.cli.CliException;
import dev.edgec.core.report.Budget;
import picocli.CommandLine.Option;

/** Device budgets: {@code compile} fails with exit code 7 when the module exceeds one. */
public final class BudgetSettings {
    @Option(names = "--max-module-size", paramLabel = "BYTES",
            description = "Fails (exit code 7) if the module is larger than BYTES: the flash budget.")
    Long maxModuleBytes;

    @Option(names = "--max-memory", paramLabel = "BYTES",
            description = "Fails (exit code 7) if the module's linear memory is larger than BYTES: the RAM budget.")
    Long maxMemoryBytes;

    Budget toBudget() {
        if (maxModuleBytes != null && maxModuleBytes <= 0) {
            throw CliException.usage("--max-module-size must be positive, got " + maxModuleBytes);
        }
        if (maxMemoryBytes != null && maxMemoryBytes <= 0) {
            throw CliException.usage("--max-memory must be positive, got " + maxMemoryBytes);
        }
        return new Budget(maxModuleBytes, maxMemoryBytes);
    }
}
