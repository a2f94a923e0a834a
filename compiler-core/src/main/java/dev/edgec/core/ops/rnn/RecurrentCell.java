package dev.edgec.core.ops.rnn;

/** What differs between RNN, GRU and LSTM inside {@link RecurrentKernel}'s loops. */
interface RecurrentCell {
    /** True for LSTM, which carries a cell state besides the hidden state. */
    default boolean hasCellState() {
        return false;
    }

    /** Computes the new hidden state of batch row b at time t into {@code rk.hNew}. */
    void step(RecurrentKernel rk);
}
