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
        // opset 20 moved DFT's axis to an input; only the opset-17 form is implemented
        r.register("DFT", 17, 19, new DftOp());
        r.register("STFT", 17, 21, new StftOp());
        r.register("MelWeightMatrix", 17, 21, new MelWeightMatrixOp());
    }
}
