package dev.edgec.core.ops.nn;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.wasm.Code;

/** Loop shapes the window kernels need beyond {@link KernelWriter#forRange}. */
final class Loops {
    private Loops() {
    }

    /** {@code for (i = from; i < to; i++) body}, with constant bounds; nothing when the range is empty. */
    static void range(KernelWriter k, int indexLocal, int from, int to, Runnable body) {
        if (from >= to) {
            return;
        }
        Code c = k.code();
        c.i32Const(from).localSet(indexLocal);
        c.loop();
        body.run();
        c.localGet(indexLocal).i32Const(1).i32Add().localTee(indexLocal).i32Const(to).i32LtS().brIf(0);
        c.end();
    }

    /** Runs {@code body} as many times as the i32 local {@code countLocal} says (zero or more). */
    static void repeat(KernelWriter k, int countLocal, int counterLocal, Runnable body) {
        Code c = k.code();
        c.block();
        c.localGet(countLocal).i32Eqz().brIf(0);
        c.localGet(countLocal).localSet(counterLocal);
        c.loop();
        body.run();
        c.localGet(counterLocal).i32Const(1).i32Sub().localTee(counterLocal).brIf(0);
        c.end();
        c.end();
    }

    /** {@code local += delta}. */
    static void add(Code c, int local, int delta) {
        if (delta != 0) {
            c.localGet(local).i32Const(delta).i32Add().localSet(local);
        }
    }
}
