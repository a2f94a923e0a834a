package dev.edgec.opt;

import dev.edgec.ir.EdgecException;

/** A pass produced an invalid graph: a compiler bug, reported with the pass and the broken invariant. */
public final class OptimizerException extends EdgecException {
    private static final long serialVersionUID = 1L;

    public OptimizerException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public Kind kind() {
        return Kind.INTERNAL;
    }
}
