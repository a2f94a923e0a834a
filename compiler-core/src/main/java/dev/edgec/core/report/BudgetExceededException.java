package dev.edgec.core.report;

import dev.edgec.ir.EdgecException;

/** The module is larger than a budget the user set ({@code --max-module-size}, {@code --max-memory}). */
public final class BudgetExceededException extends EdgecException {
    private static final long serialVersionUID = 1L;

    public BudgetExceededException(String message) {
        super(message);
    }

    @Override
    public Kind kind() {
        return Kind.BUDGET_EXCEEDED;
    }
}
