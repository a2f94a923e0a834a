package dev.edgec.core.control;

import dev.edgec.ir.DataType;
import java.util.List;

/**
 * What an ONNX sequence value holds once expanded at import: the element type and the names of the
 * tensor values it contains, in order. Sequences exist only while importing; every sequence operator
 * becomes plain nodes over these tensors (or nothing), so the graph the compiler sees has tensors only.
 */
public record SequenceValue(DataType elementType, List<String> elements) {
    public SequenceValue {
        elements = List.copyOf(elements);
    }

    public int length() {
        return elements.size();
    }
}
