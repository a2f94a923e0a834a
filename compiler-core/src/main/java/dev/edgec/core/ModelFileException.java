package dev.edgec.core;

import dev.edgec.ir.EdgecException;

/** The model file cannot be read (missing, unreadable). */
public final class ModelFileException extends EdgecException {
    private static final long serialVersionUID = 1L;

    public ModelFileException(String message) {
        super(message);
    }

    @Override
    public Kind kind() {
        return Kind.IO;
    }
}
