package dev.edgec.core.ops.elementwise;

import dev.edgec.core.ops.OperatorRegistry;

/** Registers the elementwise math, logic and activation operators. */
public final class ElementwiseOperators {
    private ElementwiseOperators() {
    }

    public static void registerAll(OperatorRegistry r) {
        r.register("Add", 7, 21, new AddOp());
        r.register("Relu", 6, 21, new ReluOp());
    }
}
