package dev.edgec.core.onnx;

import dev.edgec.ir.EdgecException;

/** An option does not fit the model (a shape or frozen input that names no input, a rank mismatch). */
public final class EdgecUsageException extends EdgecException {
    private static final long serialVersionUID = 1L;

    public EdgecUsageException(String message) {
        super(message);
    }

    @Override
    public Kind kind() {
        return Kind.USAGE;
    }
}
