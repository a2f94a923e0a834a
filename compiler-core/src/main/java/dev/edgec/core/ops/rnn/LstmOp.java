package dev.edgec.core.ops.rnn;

import dev.edgec.core.ops.OpContext;
import dev.edgec.wasm.ValType;
import java.util.List;

/**
 * LSTM (opset 7+), gates i, o, f, c in that order in W, R and B, peepholes P in order i, o, f:
 * i = f(.. + Pi ⊙ C_{t-1}), f = f(.. + Pf ⊙ C_{t-1}) (or 1 - i with input_forget), c̃ = g(..),
 * C_t = f ⊙ C_{t-1} + i ⊙ c̃, o = f(.. + Po ⊙ C_t), H_t = o ⊙ h(C_t).
 */
final class LstmOp extends RecurrentOp {
    @Override
    int gates() {
        return 4;
    }

    @Override
    List<String> defaultActivations() {
        return List.of("Sigmoid", "Tanh", "Tanh");
    }

    @Override
    int maxInputs() {
        return 8;
    }

    @Override
    int maxOutputs() {
        return 3;
    }

    @Override
    void readOwn(OpContext ctx, RecurrentConfig cfg) {
        ctx.attrs().getInt("input_forget", 0);
        if (ctx.hasInput(6)) {
            RecurrentConfig.expectShape(ctx, 6, "initial_c", cfg.batchMajor() ? cfg.batch() : cfg.directions(),
                    cfg.batchMajor() ? cfg.directions() : cfg.batch(), cfg.hidden());
        }
        if (ctx.hasInput(7)) {
            RecurrentConfig.expectShape(ctx, 7, "P", cfg.directions(), 3 * cfg.hidden());
        }
    }

    @Override
    RecurrentCell cell(OpContext ctx, RecurrentConfig cfg) {
        boolean inputForget = ctx.attrs().getInt("input_forget", 0) != 0;
        int h = cfg.hidden();
        return new RecurrentCell() {
            @Override
            public boolean hasCellState() {
                return true;
            }

            @Override
            public void step(RecurrentKernel rk) {
                var c = rk.c;
                int p = rk.input(7);
                rk.project(0, 4 * h, true, rk.hPrev, true, true, true, rk.gates);
                rk.k.forRange(h, j -> {
                    int in = rk.k.newLocal(ValType.F32);
                    int cell = rk.k.newLocal(ValType.F32);
                    gateWithPeephole(rk, 0, j, p, 0, rk.cPrev);
                    rk.activate(0);
                    c.localSet(in);
                    if (inputForget) {
                        c.f32Const(1f).localGet(in).f32Sub();
                    } else {
                        gateWithPeephole(rk, 2, j, p, 2, rk.cPrev);
                        rk.activate(0);
                    }
                    rk.previous(rk.cPrev, j);
                    c.f32Mul();
                    rk.gate(3, j);
                    rk.activate(1);
                    c.localGet(in).f32Mul().f32Add().localSet(cell);
                    // C_t replaces C_{t-1} of this unit: nothing else reads it in this step
                    c.localGet(rk.hRow).localGet(j).i32Const(2).i32Shl().i32Add().localGet(cell).f32Store(rk.cPrev);
                    c.localGet(j).i32Const(2).i32Shl();
                    gateWithPeephole(rk, 1, j, p, 1, rk.cPrev);
                    rk.activate(0);
                    c.localGet(cell);
                    rk.activate(2);
                    c.f32Mul().f32Store(rk.hNew);
                });
            }
        };
    }

    /** Pushes gate {@code block} of unit j plus, when P is given, P[direction, peephole, j] · state[j]. */
    private static void gateWithPeephole(RecurrentKernel rk, int block, int j, int p, int peephole, int state) {
        rk.gate(block, j);
        if (p >= 0) {
            int base = p + (rk.direction() * 3 + peephole) * rk.cfg.hidden() * 4;
            rk.c.localGet(j).i32Const(2).i32Shl().f32Load(base);
            rk.previous(state, j);
            rk.c.f32Mul().f32Add();
        }
    }
}
