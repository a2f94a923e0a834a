package dev.edgec.ir;

import java.util.Objects;

/** A named, typed tensor value of the graph: an input, an output, a constant or an intermediate. */
public record Value(String name, TensorType type) {
    public Value {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}
