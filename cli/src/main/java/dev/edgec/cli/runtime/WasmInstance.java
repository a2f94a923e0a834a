package dev.edgec.cli.runtime;

/** An instantiated module in some wasm runtime, reduced to what the ABI needs. */
public interface WasmInstance extends AutoCloseable {
    /** Calls an exported function taking and returning i32s; returns its result (0 if it has none). */
    int call(String export, int... args);

    void write(int address, byte[] bytes);

    byte[] read(int address, int length);

    /** Size of the linear memory in bytes. */
    long memoryBytes();

    @Override
    default void close() {
    }
}
