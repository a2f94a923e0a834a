package dev.edgec.core.ops.linalg;

import dev.edgec.core.ops.OperatorRegistry;

/** Registers the linear-algebra operators: Gemm, MatMul, Softmax, LogSoftmax, Det. */
public final class LinalgOperators {
    private LinalgOperators() {
    }

    public static void registerAll(OperatorRegistry r) {
        r.register("Gemm", 1, 21, new GemmOp());
        r.register("MatMul", 1, 21, new MatMulOp());
        r.register("Softmax", 1, 21, new SoftmaxOp());
        r.register("LogSoftmax", 1, 21, new LogSoftmaxOp());
        r.register("Det", 11, 21, new DetOp());
    }
}
