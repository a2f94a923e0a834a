package dev.edgec.core.ops.rnn;

import dev.edgec.core.ops.OperatorRegistry;

/** Registers the recurrent operators. Opsets before 7 had other attributes (output_sequence) and are not accepted. */
public final class RecurrentOperators {
    private RecurrentOperators() {
    }

    public static void registerAll(OperatorRegistry r) {
        r.register("RNN", 7, 21, new RnnOp());
        r.register("GRU", 7, 21, new GruOp());
        r.register("LSTM", 7, 21, new LstmOp());
    }
}
