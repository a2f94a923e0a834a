package dev.edgec.core.ops;

import dev.edgec.ir.UnsupportedModelException;

/**
 * An operator needs an input's value at compile time (a Reshape target, Slice bounds, TopK's k…)
 * but the input is computed at run time. {@link #inputName()} says which graph value to freeze.
 */
public final class ConstantInputRequiredException extends UnsupportedModelException {
    private static final long serialVersionUID = 1L;

    private final String inputName;

    public ConstantInputRequiredException(String message, String inputName) {
        super(message);
        this.inputName = inputName;
    }

    public String inputName() {
        return inputName;
    }
}
