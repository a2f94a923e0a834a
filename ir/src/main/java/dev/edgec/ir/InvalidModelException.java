package dev.edgec.ir;

/** The model is malformed or inconsistent: not ONNX, truncated, a bad shape, a bad attribute. */
public class InvalidModelException extends EdgecException {
    private static final long serialVersionUID = 1L;

    public InvalidModelException(String message) {
        super(message);
    }

    public InvalidModelException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public Kind kind() {
        return Kind.INVALID_MODEL;
    }
}
