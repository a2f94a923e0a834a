package dev.edgec.core.ops.tensor;

import dev.edgec.core.ops.OperatorRegistry;

/** Registers the shape and data-movement operators. */
public final class TensorOperators {
    private TensorOperators() {
    }

    public static void registerAll(OperatorRegistry r) {
    }
}
