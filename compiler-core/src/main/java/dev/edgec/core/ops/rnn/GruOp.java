package dev.edgec.core.ops.rnn;

import dev.edgec.core.ops.OpContext;
import java.util.List;

/**
 * GRU (opset 7+), gates z, r, h in that order in W, R and B:
 * z = f(..), r = f(..), h̃ = g(X·Whᵀ + (r ⊙ H)·Rhᵀ + Rbh + Wbh), or with linear_before_reset
 * h̃ = g(X·Whᵀ + r ⊙ (H·Rhᵀ + Rbh) + Wbh); H_t = (1 - z) ⊙ h̃ + z ⊙ H_{t-1}.
 */
final class GruOp extends RecurrentOp {
    @Override
    int gates() {
        return 3;
    }

    @Override
    List<String> defaultActivations() {
        return List.of("Sigmoid", "Tanh");
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
    void readOwn(OpContext ctx, RecurrentConfig cfg) {
        ctx.attrs().getInt("linear_before_reset", 0);
    }

    @Override
    RecurrentCell cell(OpContext ctx, RecurrentConfig cfg) {
        boolean linearBeforeReset = ctx.attrs().getInt("linear_before_reset", 0) != 0;
        int h = cfg.hidden();
        return rk -> {
            var c = rk.c;
            rk.project(0, 2 * h, true, rk.hPrev, true, true, true, rk.gates);
            if (linearBeforeReset) {
                rk.project(2 * h, h, true, -1, false, true, false, rk.gates + 2 * h * 4);
                rk.project(2 * h, h, false, rk.hPrev, true, false, true, rk.tmp);
            } else {
                // tmp = r ⊙ H_{t-1}, then the h rows see it as their hidden input
                rk.k.forRange(h, j -> {
                    c.localGet(j).i32Const(2).i32Shl();
                    rk.gate(1, j);
                    rk.activate(0);
                    rk.previous(rk.hPrev, j);
                    c.f32Mul().f32Store(rk.tmp);
                });
                rk.project(2 * h, h, true, rk.tmp, false, true, true, rk.gates + 2 * h * 4);
            }
            rk.k.forRange(h, j -> {
                int z = rk.k.newLocal(dev.edgec.wasm.ValType.F32);
                rk.gate(0, j);
                rk.activate(0);
                c.localSet(z);
                c.localGet(j).i32Const(2).i32Shl();
                // h̃
                rk.gate(2, j);
                if (linearBeforeReset) {
                    rk.gate(1, j);
                    rk.activate(0);
                    c.localGet(j).i32Const(2).i32Shl().f32Load(rk.tmp).f32Mul().f32Add();
                }
                rk.activate(1);
                c.f32Const(1f).localGet(z).f32Sub().f32Mul();
                rk.previous(rk.hPrev, j);
                c.localGet(z).f32Mul().f32Add();
                c.f32Store(rk.hNew);
            });
        };
    }
}
