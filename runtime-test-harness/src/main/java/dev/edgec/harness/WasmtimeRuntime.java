package dev.edgec.harness;

import dev.edgec.cli.runtime.WasmInstance;
import dev.edgec.cli.runtime.WasmRuntime;
import io.github.kawamuray.wasmtime.Engine;
import io.github.kawamuray.wasmtime.Func;
import io.github.kawamuray.wasmtime.Instance;
import io.github.kawamuray.wasmtime.Memory;
import io.github.kawamuray.wasmtime.Module;
import io.github.kawamuray.wasmtime.Store;
import io.github.kawamuray.wasmtime.Val;
import java.nio.ByteBuffer;
import java.util.Collections;

/** wasmtime (through wasmtime-java): the compiling runtime that double-checks every module. */
public final class WasmtimeRuntime implements WasmRuntime {
    @Override
    public String name() {
        return "wasmtime";
    }

    @Override
    public WasmInstance instantiate(byte[] wasm) {
        Store<Void> store = Store.withoutData();
        Engine engine = store.engine();
        Module module = Module.fromBinary(engine, wasm);
        Instance instance = new Instance(store, module, Collections.emptyList());
        Memory memory = instance.getMemory(store, "memory").orElseThrow();
        return new WasmInstance() {
            @Override
            public int call(String export, int... args) {
                Func f = instance.getFunc(store, export).orElseThrow(() -> new IllegalArgumentException("no export " + export));
                Val[] a = new Val[args.length];
                for (int i = 0; i < args.length; i++) {
                    a[i] = Val.fromI32(args[i]);
                }
                Val[] r = f.call(store, a);
                return r.length == 0 ? 0 : r[0].i32();
            }

            @Override
            public void write(int address, byte[] bytes) {
                ByteBuffer b = memory.buffer(store);
                b.position(address);
                b.put(bytes);
            }

            @Override
            public byte[] read(int address, int length) {
                ByteBuffer b = memory.buffer(store);
                byte[] out = new byte[length];
                b.position(address);
                b.get(out);
                return out;
            }

            @Override
            public long memoryBytes() {
                return memory.buffer(store).capacity();
            }

            @Override
            public void close() {
                instance.close();
                module.close();
                engine.close();
                store.close();
            }
        };
    }
}
