package dev.edgec.core.ops.reduce;

import dev.edgec.core.ops.OperatorRegistry;

/** Registers the reduction operators. */
public final class ReduceOperators {
    private ReduceOperators() {
    }

    public static void registerAll(OperatorRegistry r) {
    }
}
