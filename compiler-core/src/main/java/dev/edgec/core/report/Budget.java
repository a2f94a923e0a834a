package dev.edgec.core.report;

/**
 * Size limits a device imposes; null means no limit.
 *
 * @param maxModuleBytes flash: the whole module
 * @param maxMemoryBytes RAM: the declared linear memory
 */
public record Budget(Long maxModuleBytes, Long maxMemoryBytes) {
    public static final Budget NONE = new Budget(null, null);

    /** Throws {@link BudgetExceededException} naming the first limit the report exceeds. */
    public void check(CompileReport r) {
        if (maxModuleBytes != null && r.moduleBytes() > maxModuleBytes) {
            throw new BudgetExceededException("module is " + r.moduleBytes() + " bytes, over the budget of "
                    + maxModuleBytes + " (--max-module-size)");
        }
        if (maxMemoryBytes != null && r.memoryBytes() > maxMemoryBytes) {
            throw new BudgetExceededException("module needs " + r.memoryBytes() + " bytes of memory (" + r.memoryPages()
                    + " pages), over the budget of " + maxMemoryBytes + " (--max-memory)");
        }
    }
}
