package dev.edgec.core.ops.reduce;

import dev.edgec.core.ops.OperatorRegistry;

/** Registers the reduction operators: the ReduceXxx family, ArgMax and ArgMin. */
public final class ReduceOperators {
    private ReduceOperators() {
    }

    public static void registerAll(OperatorRegistry r) {
        r.register("ReduceSum", 1, 21, new ReduceSumOp());
        r.register("ReduceMean", 1, 21, new ReduceMeanOp());
        r.register("ReduceMax", 1, 21, new ReduceMaxOp());
        r.register("ReduceMin", 1, 21, new ReduceMinOp());
        r.register("ReduceProd", 1, 21, new ReduceProdOp());
        r.register("ReduceSumSquare", 1, 21, new ReduceSumSquareOp());
        r.register("ReduceL1", 1, 21, new ReduceL1Op());
        r.register("ReduceL2", 1, 21, new ReduceL2Op());
        r.register("ReduceLogSum", 1, 21, new ReduceLogSumOp());
        r.register("ReduceLogSumExp", 1, 21, new ReduceLogSumExpOp());
        r.register("ArgMax", 1, 21, new ArgMaxOp());
        r.register("ArgMin", 1, 21, new ArgMinOp());
    }
}
