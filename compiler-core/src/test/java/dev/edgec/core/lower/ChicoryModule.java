package dev.edgec.core.lower;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.Parser;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** A compiled module instantiated in Chicory, driven through ABI v1 with float32 tensors. */
final class ChicoryModule {
    private final Instance instance;

    ChicoryModule(byte[] wasm) {
        instance = Instance.builder(Parser.parse(wasm)).build();
    }

    void input(int index, float... values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : values) {
            b.putFloat(f);
        }
        instance.memory().write(call("input_ptr", index), b.array());
    }

    void inputBytes(int index, byte... bytes) {
        instance.memory().write(call("input_ptr", index), bytes);
    }

    byte[] outputBytes(int index, int count) {
        return instance.memory().readBytes(call("output_ptr", index), count);
    }

    int run() {
        return (int) instance.export("run").apply()[0];
    }

    float[] output(int index, int count) {
        ByteBuffer b = ByteBuffer.wrap(instance.memory().readBytes(call("output_ptr", index), 4 * count))
                .order(ByteOrder.LITTLE_ENDIAN);
        float[] r = new float[count];
        for (int i = 0; i < count; i++) {
            r[i] = b.getFloat();
        }
        return r;
    }

    int call(String export, int arg) {
        return (int) instance.export(export).apply(arg)[0];
    }
}
