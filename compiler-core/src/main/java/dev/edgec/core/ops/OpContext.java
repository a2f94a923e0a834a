package dev.edgec.core.ops;

import dev.edgec.ir.DataType;
import dev.edgec.ir.InvalidModelException;
import dev.edgec.ir.Node;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.TensorType;
import dev.edgec.ir.UnsupportedModelException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** What an operator may know about the node it handles: the node, its opset, input types and constants. */
public final class OpContext {
    private final Node node;
    private final int opset;
    private final Function<String, TensorType> types;
    private final Map<String, Tensor> constants;
    private final Attrs attrs;

    public OpContext(Node node, int opset, Function<String, TensorType> types, Map<String, Tensor> constants) {
        this.node = node;
        this.opset = opset;
        this.types = types;
        this.constants = constants;
        this.attrs = new Attrs(node);
    }

    public Node node() {
        return node;
    }

    /** The opset version of the node's domain that the model imports. */
    public int opset() {
        return opset;
    }

    public Attrs attrs() {
        return attrs;
    }

    public int inputCount() {
        return node.inputs().size();
    }

    public boolean hasInput(int i) {
        return node.hasInput(i);
    }

    public String inputName(int i) {
        return node.input(i);
    }

    public String outputName(int i) {
        return node.output(i);
    }

    public int outputCount() {
        return node.outputs().size();
    }

    public TensorType inputType(int i) {
        if (!hasInput(i)) {
            throw error("input " + i + " is required");
        }
        return types.apply(node.input(i));
    }

    /** Output types; known once inference has run (that is, during lowering). */
    public TensorType outputType(int i) {
        return types.apply(node.output(i));
    }

    public Optional<Tensor> constantInput(int i) {
        return hasInput(i) ? Optional.ofNullable(constants.get(node.input(i))) : Optional.empty();
    }

    /** The value of input {@code i}, which must be a constant because it decides shapes. */
    public Tensor requireConstantInput(int i, String what) {
        return constantInput(i).orElseThrow(() -> new ConstantInputRequiredException(node.describe() + ": input '"
                + node.input(i) + "' (" + what + ") must be a constant known at compile time; if it is a graph input, "
                + "freeze it with --freeze-input " + node.input(i) + "=FILE", node.input(i)));
    }

    /** Checks the number of inputs given (counting omitted optional ones up to the last given). */
    public void expectInputs(int min, int max) {
        int n = node.inputs().size();
        if (n < min || n > max) {
            throw error("takes " + (min == max ? String.valueOf(min) : min + " to " + max) + " inputs, got " + n);
        }
    }

    /** Checks that input {@code i} has one of the given element types. */
    public DataType expectType(int i, List<DataType> allowed) {
        DataType t = inputType(i).dataType();
        if (!allowed.contains(t)) {
            throw new UnsupportedModelException(node.describe() + ": input '" + node.input(i) + "' has type "
                    + t.signatureName() + "; edgec supports " + allowed.stream().map(DataType::signatureName).toList());
        }
        return t;
    }

    /** An invalid-model error that names this node. */
    public InvalidModelException error(String message) {
        return new InvalidModelException(node.describe() + ": " + message);
    }

    public UnsupportedModelException unsupported(String message) {
        return new UnsupportedModelException(node.describe() + ": " + message);
    }
}
