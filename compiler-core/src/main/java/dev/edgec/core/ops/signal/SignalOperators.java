package dev.edgec.core.ops.signal;

import dev.edgec.core.ops.OperatorRegistry;

/** Registers the signal-processing operators. */
public final class SignalOperators {
    private SignalOperators() {
    }

    public static void registerAll(OperatorRegistry r) {
        r.register("HannWindow", 17, 21, WindowOp.hann());
        r.register("HammingWindow", 17, 21, WindowOp.hamming());
        r.register("BlackmanWindow", 17, 21, WindowOp.blackman());
    }
}
