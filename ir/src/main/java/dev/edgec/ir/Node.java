package dev.edgec.ir;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One operator application. Inputs and outputs name values of the graph; an empty input name is an
 * omitted optional input, as in ONNX. Attributes are kept sorted so that printing is deterministic.
 */
public record Node(String name, String domain, String opType, int opsetVersion,
                   List<String> inputs, List<String> outputs, Map<String, Attribute> attributes) {
    public Node {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(opType, "opType");
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        attributes = java.util.Collections.unmodifiableMap(new TreeMap<>(attributes));
    }

    /** The input at {@code index}, or the empty string when it is omitted or past the end. */
    public String input(int index) {
        return index < inputs.size() ? inputs.get(index) : "";
    }

    public boolean hasInput(int index) {
        return !input(index).isEmpty();
    }

    public String output(int index) {
        return outputs.get(index);
    }

    /** "Conv 'conv1'" — how errors name a node. */
    public String describe() {
        return opType + " '" + name + "'";
    }
}
