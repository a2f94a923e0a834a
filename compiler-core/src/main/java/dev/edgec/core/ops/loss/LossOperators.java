package dev.edgec.core.ops.loss;

import dev.edgec.core.ops.OperatorRegistry;

/** Registers the loss operators: NegativeLogLikelihoodLoss and SoftmaxCrossEntropyLoss. */
public final class LossOperators {
    private LossOperators() {
    }

    public static void registerAll(OperatorRegistry r) {
        // versions 12 and 13 differ only in the types they list; 22 (bfloat16 and others) is not taken on
        r.register("NegativeLogLikelihoodLoss", 12, 21, new NegativeLogLikelihoodLossOp());
        r.register("SoftmaxCrossEntropyLoss", 12, 21, new SoftmaxCrossEntropyLossOp());
    }
}
