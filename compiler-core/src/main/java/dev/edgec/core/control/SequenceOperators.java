package dev.edgec.core.control;

import dev.edgec.core.ops.OperatorRegistry;
import dev.edgec.ir.Node;
import dev.edgec.ir.UnsupportedModelException;
import java.util.List;

/**
 * Registers the ONNX sequence operators with their opset ranges, so the registry (and the generated
 * support table) knows them. The importer expands them before any operator sees them
 * ({@link SequenceExpander}); the registered operator is never asked to infer or lower.
 */
public final class SequenceOperators {
    /** Every sequence operator edgec expands; all appeared in opset 11 and are unchanged up to 21. */
    static final List<String> OPERATORS = List.of("SequenceEmpty", "SequenceConstruct", "SequenceInsert", "SequenceErase",
            "SequenceAt", "SequenceLength", "SplitToSequence", "ConcatFromSequence");
    static final int MIN = 11;
    static final int MAX = 21;

    private SequenceOperators() {
    }

    public static void registerAll(OperatorRegistry r) {
        for (String op : OPERATORS) {
            r.register(op, MIN, MAX, ControlFlowOperators.ExpandedAtImport.INSTANCE);
        }
    }

    /** True for the default-domain sequence operators that {@link SequenceExpander} expands. */
    public static boolean handles(Node n) {
        return n.domain().isEmpty() && OPERATORS.contains(n.opType());
    }

    /** Replaces sequence operator {@code n} by plain nodes (or nothing), given to {@code sink}. */
    public static void expand(Node n, SequenceSink sink) {
        SequenceExpander.expand(n, sink);
    }

    /** The error for a sequence crossing the module boundary: {@code what} is "graph input" or "graph output". */
    public static UnsupportedModelException atBoundary(String what, String name) {
        return new UnsupportedModelException(what + " '" + name + "' is a sequence; a compiled module's inputs and outputs "
                + "are tensors only (ABI v1), so edgec supports sequences only inside the graph");
    }
}
