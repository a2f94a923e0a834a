package dev.edgec.core.control;

import dev.edgec.ir.Node;
import dev.edgec.ir.Tensor;
import java.util.Optional;

/**
 * An {@link ExpansionSink} that also keeps the importer's sequence values ({@link SequenceValue}):
 * what {@link SequenceExpander} reads and defines as it replaces sequence operators by plain nodes.
 */
public interface SequenceSink extends ExpansionSink {
    /** The sequence {@code value} names, if it is one. */
    Optional<SequenceValue> sequence(String value);

    /** Defines {@code name} as a sequence (an error if the name is already a value). */
    void defineSequence(String name, SequenceValue value);

    /**
     * The compile-time value of {@code reader}'s input {@code index}; when it is computed at run time, a
     * {@link dev.edgec.core.ops.ConstantInputRequiredException} naming the node and the input.
     */
    Tensor requireConstantInput(Node reader, int index, String what);
}
