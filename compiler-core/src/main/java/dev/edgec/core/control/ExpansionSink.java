package dev.edgec.core.control;

import dev.edgec.ir.Node;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.TensorType;
import java.util.Optional;

/**
 * Where control-flow expansion puts the nodes it makes: the importer, which folds constants and
 * infers types as nodes arrive, so that an expander can ask whether a loop condition it just inlined
 * came out as a constant before deciding about the next iteration.
 */
public interface ExpansionSink {
    /** Adds a node to the graph being imported: Constant nodes become constants, control flow expands. */
    void add(Node n);

    /** The constant value of {@code value}, if it is known at compile time. */
    Optional<Tensor> constant(String value);

    /** The static type of a value already defined (error naming {@code reader} if there is none). */
    TensorType type(String value, Node reader);

    /** Defines {@code name} as a constant. */
    void addConstant(String name, Tensor value);

    /** {@code base}, or {@code base} with a suffix, so that no two nodes share a name. */
    String nodeName(String base);
}
