package dev.edgec.core.ops.reduce;

import dev.edgec.core.lower.FloatArith;
import dev.edgec.core.lower.KernelWriter;
import dev.edgec.wasm.Code;

/**
 * ReduceLogSumExp (opsets 1-21; axes is an input from opset 18): log Σ exp(x), computed as
 * max + log Σ exp(x - max) so that no exp overflows (an infinite max is not subtracted); float64
 * inputs use the float64 exp and log.
 */
final class ReduceLogSumExpOp extends ReduceOp {
    @Override
    protected double identity() {
        return 0;
    }

    @Override
    protected void emitCombine(FloatArith a) {
        a.add();
    }

    @Override
    protected void emitReduction(KernelWriter k, FloatArith a, ReducedElements elements, int result) {
        Code c = k.code();
        int exp = k.mathFunction(a.exp());
        int log = k.mathFunction(a.log());
        int max = k.newLocal(a.valType());
        a.constant(Double.NEGATIVE_INFINITY);
        c.localSet(max);
        elements.forEach(() -> {
            c.localGet(max);
            a.max();
            c.localSet(max);
        });
        c.localGet(max);
        a.abs().constant(Double.POSITIVE_INFINITY).eq();
        c.if_();
        a.constant(0);
        c.localSet(max).end();
        a.constant(0);
        c.localSet(result);
        elements.forEach(() -> {
            c.localGet(max);
            a.sub();
            c.call(exp).localGet(result);
            a.add();
            c.localSet(result);
        });
        c.localGet(result).call(log).localGet(max);
        a.add();
        c.localSet(result);
    }
}
