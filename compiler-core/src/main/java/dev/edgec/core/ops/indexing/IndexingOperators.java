package dev.edgec.core.ops.indexing;

import dev.edgec.core.ops.OperatorRegistry;

/** Registers the indexing and gathering operators: Gather, Slice, Split, Scatter, Tile… */
public final class IndexingOperators {
    private IndexingOperators() {
    }

    public static void registerAll(OperatorRegistry r) {
    }
}
