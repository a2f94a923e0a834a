package dev.edgec.core.control;

import dev.edgec.ir.InvalidModelException;
import dev.edgec.ir.Node;
import dev.edgec.ir.TensorType;
import dev.edgec.ir.UnsupportedModelException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How If and Loop pass sequence values through ({@link SequenceValue}): an output bound to a sequence
 * names the same list of tensors, and an If on a run-time condition selects element by element
 * between two sequences of one length and element types. A sequence carried by a loop may change
 * length from one iteration to the next only while the loop's condition is known at compile time.
 */
final class SequenceBindings {
    private SequenceBindings() {
    }

    /** The sequence {@code value} is, if the sink keeps sequences and it is one. */
    static Optional<SequenceValue> sequence(ExpansionSink sink, String value) {
        return sink instanceof SequenceSink s ? s.sequence(value) : Optional.empty();
    }

    /** When {@code value} is a sequence, defines {@code name} as the same sequence and returns true. */
    static boolean alias(ExpansionSink sink, String value, String name) {
        Optional<SequenceValue> seq = sequence(sink, value);
        seq.ifPresent(v -> ((SequenceSink) sink).defineSequence(name, v));
        return seq.isPresent();
    }

    /**
     * Loop-carried value {@code index} after one iteration, when it is a sequence (else empty): both
     * sides must be sequences, and the iteration must run unconditionally ({@code running} null).
     */
    static Optional<String> carried(ExpansionSink sink, Node loop, int index, String before, String after, String running) {
        boolean wasSequence = sequence(sink, before).isPresent();
        boolean isSequence = sequence(sink, after).isPresent();
        if (!wasSequence && !isSequence) {
            return Optional.empty();
        }
        if (wasSequence != isSequence) {
            throw new InvalidModelException(loop.describe() + ": loop-carried value " + index + " is a "
                    + (wasSequence ? "sequence" : "tensor") + " before an iteration and a " + (isSequence ? "sequence" : "tensor")
                    + " after it");
        }
        if (running != null) {
            throw new UnsupportedModelException(loop.describe() + ": loop-carried value " + index + " is a sequence, and "
                    + "the loop's condition depends on run-time data; edgec carries sequences only through iterations "
                    + "known to run at compile time (data-dependent-shape)");
        }
        return Optional.of(after);
    }

    /**
     * Output {@code i} of an If on run-time condition {@code cond} when a branch gives a sequence: a
     * sequence of {@code Where(cond, a_k, b_k)}. Returns false when neither branch gives a sequence.
     */
    static boolean select(ExpansionSink sink, Synthesized synth, Node n, int i, String cond, String thenOut, String elseOut) {
        Optional<SequenceValue> a = sequence(sink, thenOut);
        Optional<SequenceValue> b = sequence(sink, elseOut);
        if (a.isEmpty() && b.isEmpty()) {
            return false;
        }
        if (a.isEmpty() || b.isEmpty() || a.get().length() != b.get().length()
                || a.get().elementType() != b.get().elementType()) {
            throw new UnsupportedModelException(n.describe() + ": output " + i + " is " + describe(a) + " in the then branch and "
                    + describe(b) + " in the else branch; with a run-time condition it would depend on data, and edgec "
                    + "needs sequences of a length known at compile time (data-dependent-shape)");
        }
        List<String> elements = new ArrayList<>();
        for (int k = 0; k < a.get().length(); k++) {
            String x = a.get().elements().get(k);
            String y = b.get().elements().get(k);
            TensorType tx = sink.type(x, n);
            TensorType ty = sink.type(y, n);
            if (!tx.equals(ty)) {
                throw new UnsupportedModelException(n.describe() + ": element " + k + " of output " + i + " is " + tx
                        + " in the then branch and " + ty + " in the else branch (data-dependent-shape)");
            }
            elements.add(synth.where(cond, x, y, n.output(i) + "/" + k, "select" + i + "_" + k));
        }
        ((SequenceSink) sink).defineSequence(n.output(i), new SequenceValue(a.get().elementType(), elements));
        return true;
    }

    private static String describe(Optional<SequenceValue> v) {
        return v.map(s -> "a sequence of " + s.length() + " " + s.elementType().signatureName() + " tensors").orElse("a tensor");
    }
}
