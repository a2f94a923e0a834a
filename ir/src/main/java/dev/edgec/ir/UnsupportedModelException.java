package dev.edgec.ir;

/** The model is valid ONNX but uses something edgec does not compile (an operator, a type, an opset). */
public class UnsupportedModelException extends EdgecException {
    private static final long serialVersionUID = 1L;

    public UnsupportedModelException(String message) {
        super(message);
    }

    @Override
    public Kind kind() {
        return Kind.UNSUPPORTED_MODEL;
    }
}
