package dev.edgec.opt;

import dev.edgec.ir.Graph;

/**
 * One graph rewrite. A pass returns a new graph, or the very same instance when it found nothing to
 * change; the {@link PassManager} uses that identity to detect the fixed point.
 */
public interface Pass {
    /** The name used by {@code --dump-ir-after} and in error messages. */
    String name();

    Graph run(Graph g);
}
