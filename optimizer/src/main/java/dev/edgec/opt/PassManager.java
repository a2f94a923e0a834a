package dev.edgec.opt;

import dev.edgec.ir.Graph;
import dev.edgec.ir.GraphPrinter;
import dev.edgec.ir.GraphVerifier;
import dev.edgec.ir.IrVerificationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs an ordered list of passes repeatedly until none changes the graph (or an iteration cap is
 * hit). The IR verifier runs after every pass that changed something, so a broken rewrite is caught
 * at the pass that made it, and reported by name.
 */
public final class PassManager {
    /** A generous cap: every pass shrinks or simplifies the graph, so real models settle in a few rounds. */
    public static final int MAX_ROUNDS = 32;

    private final List<Pass> passes;
    private final Set<String> dumpAfter;
    private final Consumer<String> dump;
    private final List<String> applied = new ArrayList<>();

    /**
     * @param passes    the passes, in order
     * @param dumpAfter names of passes after which the IR is printed (when they change it); the caller checks the names
     * @param dump      where printed IR goes
     */
    public PassManager(List<Pass> passes, Set<String> dumpAfter, Consumer<String> dump) {
        this.passes = List.copyOf(passes);
        this.dumpAfter = Set.copyOf(dumpAfter);
        this.dump = dump;
    }

    public Graph run(Graph g) {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            boolean changed = false;
            for (Pass p : passes) {
                Graph next;
                try {
                    next = p.run(g);
                    if (next != g) {
                        GraphVerifier.verify(next);
                    }
                } catch (IrVerificationException e) {
                    throw new OptimizerException("internal error: pass '" + p.name() + "' broke the graph: "
                            + e.getMessage(), e);
                }
                if (next != g) {
                    changed = true;
                    applied.add(p.name());
                    if (dumpAfter.contains(p.name())) {
                        dump.accept("; IR after " + p.name() + " (round " + (round + 1) + ")\n" + GraphPrinter.print(next));
                    }
                    g = next;
                }
            }
            if (!changed) {
                break;
            }
        }
        return g;
    }

    /** Names of the passes that changed the graph, in the order they did. */
    public List<String> applied() {
        return List.copyOf(applied);
    }
}
