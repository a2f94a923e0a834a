package dev.edgec.ir;

/** A declared size exceeds what edgec accepts (e.g. a tensor larger than wasm memory), caught before allocation. */
public class LimitExceededException extends EdgecException {
    private static final long serialVersionUID = 1L;

    public LimitExceededException(String message) {
        super(message);
    }

    @Override
    public Kind kind() {
        return Kind.LIMIT_EXCEEDED;
    }
}
