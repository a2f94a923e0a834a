package dev.edgec.cli.runtime;

import com.dylibso.chicory.runtime.ExecutionListener;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;

/** Chicory, the pure-Java interpreter: edgec's default runtime for {@code run} and {@code verify}. */
public final class ChicoryRuntime implements WasmRuntime {
    private final ExecutionListener listener;

    public ChicoryRuntime() {
        this(null);
    }

    /** A runtime whose instances report every executed instruction to {@code listener} (for measurements), or none if null. */
    public ChicoryRuntime(ExecutionListener listener) {
        this.listener = listener;
    }

    @Override
    public String name() {
        return "chicory";
    }

    @Override
    public WasmInstance instantiate(byte[] wasm) {
        WasmModule module = Parser.parse(wasm);
        Instance.Builder builder = Instance.builder(module);
        if (listener != null) {
            builder.withUnsafeExecutionListener(listener);
        }
        Instance instance = builder.build();
        return new WasmInstance() {
            @Override
            public int call(String export, int... args) {
                long[] a = new long[args.length];
                for (int i = 0; i < args.length; i++) {
                    a[i] = args[i];
                }
                long[] r = instance.export(export).apply(a);
                return r == null || r.length == 0 ? 0 : (int) r[0];
            }

            @Override
            public void write(int address, byte[] bytes) {
                instance.memory().write(address, bytes);
            }

            @Override
            public byte[] read(int address, int length) {
                return instance.memory().readBytes(address, length);
            }

            @Override
            public long memoryBytes() {
                return (long) instance.memory().pages() * 65536;
            }
        };
    }
}
