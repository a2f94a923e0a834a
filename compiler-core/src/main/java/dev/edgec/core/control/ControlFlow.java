package dev.edgec.core.control;

import dev.edgec.ir.Attribute;
import dev.edgec.ir.InvalidModelException;
import dev.edgec.ir.LimitExceededException;
import dev.edgec.ir.Node;
import dev.edgec.ir.Subgraph;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The control-flow operators ({@code If}, {@code Loop}, {@code Scan}) and their expansion at import
 * into plain nodes: the rest of edgec (optimizer, memory planner, lowering) only ever sees a flat
 * graph with static shapes, plus {@link Guard}s on the nodes of If branches and loop iterations
 * chosen at run time.
 */
public final class ControlFlow {
    /**
     * Most nodes one control-flow node may expand into. Unrolling copies the body per iteration, so a
     * large trip count makes a large module; 100 000 nodes is already a wasm module of several MB and a
     * compile time of minutes, far beyond the models edgec targets.
     */
    public static final long MAX_UNROLLED_NODES = 100_000;

    private ControlFlow() {
    }

    /** True for the default-domain operators this class expands. */
    public static boolean handles(Node n) {
        return n.domain().isEmpty() && (n.opType().equals("If") || n.opType().equals("Loop") || n.opType().equals("Scan"));
    }

    /** Why a control-flow node cannot be expanded at its opset, or empty. */
    public static Optional<String> whyUnsupported(Node n) {
        int min = n.opType().equals("Scan") ? ControlFlowOperators.SCAN_MIN
                : n.opType().equals("If") ? ControlFlowOperators.IF_MIN : ControlFlowOperators.LOOP_MIN;
        if (n.opsetVersion() < min || n.opsetVersion() > ControlFlowOperators.MAX) {
            return Optional.of(n.opType() + " '" + n.name() + "' at opset " + n.opsetVersion() + " (edgec implements opsets "
                    + min + "-" + ControlFlowOperators.MAX + ")");
        }
        return Optional.empty();
    }

    /** Replaces control-flow node {@code n} by plain nodes given to {@code sink}. */
    public static void expand(Node n, ExpansionSink sink) {
        switch (n.opType()) {
            case "If" -> IfExpander.expand(n, sink);
            case "Loop" -> LoopUnroller.expand(n, sink);
            case "Scan" -> ScanUnroller.expand(n, sink, n.opsetVersion());
            default -> throw new IllegalArgumentException(n.describe() + " is not a control-flow node");
        }
    }

    /** The subgraphs of a node's graph attributes (for checking their operators before import). */
    public static List<Subgraph> subgraphs(Node n) {
        return n.attributes().values().stream().filter(a -> a instanceof Attribute.GraphAttr)
                .map(a -> ((Attribute.GraphAttr) a).graph()).toList();
    }

    /** Rejects attributes outside {@code known} (guards excepted), as operators do. */
    static void expectAttributes(Node n, List<String> known) {
        TreeSet<String> unknown = new TreeSet<>(n.attributes().keySet());
        known.forEach(unknown::remove);
        unknown.remove(Guard.ATTRIBUTE);
        if (!unknown.isEmpty()) {
            throw new InvalidModelException(n.describe() + ": unknown attribute" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown));
        }
    }

    /** Refuses to unroll {@code iterations} copies of {@code body} when that passes {@link #MAX_UNROLLED_NODES}. */
    static void checkUnrollSize(Node n, long iterations, Subgraph body) {
        long nodes = iterations * Math.max(1, body.size());
        if (iterations > MAX_UNROLLED_NODES || nodes > MAX_UNROLLED_NODES) {
            throw new LimitExceededException(n.describe() + ": unrolling " + iterations + " iterations of a " + body.size()
                    + "-node body would make " + nodes + " nodes, more than edgec's limit of " + MAX_UNROLLED_NODES);
        }
    }
}
