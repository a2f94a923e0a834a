package dev.edgec.cli.runtime;

/** A wasm engine that can instantiate an import-free module. */
public interface WasmRuntime {
    String name();

    WasmInstance instantiate(byte[] wasm);
}
