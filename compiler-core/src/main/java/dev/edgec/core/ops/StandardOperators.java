package dev.edgec.core.ops;

/** Collects the registrations of every operator group; each group lists its own operators. */
final class StandardOperators {
    private StandardOperators() {
    }

    static void registerAll(OperatorRegistry r) {
        dev.edgec.core.ops.elementwise.ElementwiseOperators.registerAll(r);
        dev.edgec.core.ops.nn.NnOperators.registerAll(r);
        dev.edgec.core.ops.linalg.LinalgOperators.registerAll(r);
        dev.edgec.core.ops.tensor.TensorOperators.registerAll(r);
        dev.edgec.core.ops.reduce.ReduceOperators.registerAll(r);
        dev.edgec.core.ops.shape.ShapeOperators.registerAll(r);
        dev.edgec.core.ops.indexing.IndexingOperators.registerAll(r);
        dev.edgec.core.ops.quant.QuantOperators.registerAll(r);
        dev.edgec.core.ops.rnn.RecurrentOperators.registerAll(r);
        dev.edgec.core.ops.signal.SignalOperators.registerAll(r);
        dev.edgec.core.ops.text.TextOperators.registerAll(r);
        dev.edgec.core.ops.loss.LossOperators.registerAll(r);
        dev.edgec.core.control.ControlFlowOperators.registerAll(r);
        dev.edgec.core.control.SequenceOperators.registerAll(r);
        dev.edgec.core.control.ContribQuantOperators.registerAll(r);
    }
}
