package dev.edgec.core.ops.quant;

/** What an integer kernel does with a finished i32 accumulator: push the value to store as the output element. */
@FunctionalInterface
interface AccumulatorSink {
    /** Pushes the output value for the i32 local {@code acc} of output channel (local) {@code channel}. */
    void push(int acc, int channel);

    /** Called where the kernel starts the outputs of the output channel in local {@code channel}, before its first push. */
    default void beginChannel(int channel) {
    }

    /**
     * Called, when the kernel knows them, before any code: per output channel a bound {@code b[c]} with
     * {@code |acc| <= b[c]} for every accumulator of that channel (no i32 wrap), which may let the sink emit less.
     */
    default void accumulatorBounds(long[] maxAbs) {
    }
}
