package dev.edgec.core.ops.rnn;

import dev.edgec.core.ops.OpContext;
import java.util.List;

/** RNN (opset 7+): H_t = f(X_t·Wᵀ + H_{t-1}·Rᵀ + Wb + Rb), f = Tanh by default. */
final class RnnOp extends RecurrentOp {
    @Override
    int gates() {
        return 1;
    }

    @Override
    List<String> defaultActivations() {
        return List.of("Tanh");
    }

    @Override
    int maxInputs() {
        return 6;
    }

    @Override
    int maxOutputs() {
        return 2;
    }

    @Override
    RecurrentCell cell(OpContext ctx, RecurrentConfig cfg) {
        return rk -> {
            rk.project(0, cfg.hidden(), true, rk.hPrev, true, true, true, rk.gates);
            rk.k.forRange(cfg.hidden(), j -> {
                rk.c.localGet(j).i32Const(2).i32Shl();
                rk.gate(0, j);
                rk.activate(0);
                rk.c.f32Store(rk.hNew);
            });
        };
    }
}
