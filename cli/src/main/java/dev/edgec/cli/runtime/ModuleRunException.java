package dev.edgec.cli.runtime;

import dev.edgec.ir.EdgecException;

/** Running a module failed: bad module, wrong inputs, or an error code from {@code run()}. */
public final class ModuleRunException extends EdgecException {
    private static final long serialVersionUID = 1L;

    public ModuleRunException(String message) {
        super(message);
    }

    @Override
    public Kind kind() {
        return Kind.RUNTIME;
    }
}
