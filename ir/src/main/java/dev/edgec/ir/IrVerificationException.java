package dev.edgec.ir;

/**
 * A graph broke an IR invariant. After import this means the model is invalid; after a pass it is a
 * compiler bug, and the pass manager rethrows it as internal naming the pass.
 */
public class IrVerificationException extends InvalidModelException {
    private static final long serialVersionUID = 1L;

    public IrVerificationException(String message) {
        super(message);
    }
}
