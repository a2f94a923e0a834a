package dev.edgec.core.ops.nn;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.lower.MathFunction;
import dev.edgec.wasm.Code;
import dev.edgec.wasm.ValType;

/** The powers of LpPool: {@code |x|^p} by multiplication, and the p-th root. */
final class LpPower {
    private LpPower() {
    }

    /** Replaces x on the stack by {@code |x|^p} (p ≥ 1), multiplying p times: exact up to rounding. */
    static void pushAbsPower(KernelWriter k, int p) {
        Code c = k.code();
        c.f32Abs();
        if (p == 1) {
            return;
        }
        int v = k.newLocal(ValType.F32);
        c.localSet(v).localGet(v);
        for (int i = 1; i < p; i++) {
            c.localGet(v).f32Mul();
        }
    }

    /** Replaces s ≥ 0 on the stack by {@code s^(1/p)}: sqrt for 2, {@code exp(log(s) / p)} otherwise (0 stays 0). */
    static void root(KernelWriter k, int p) {
        Code c = k.code();
        if (p == 1) {
            return;
        }
        if (p == 2) {
            c.f32Sqrt();
            return;
        }
        // log(0) = -inf and exp(-inf) = 0, so a window of zeros gives 0.
        c.call(k.mathFunction(MathFunction.LOG_F32)).f32Const(1f / p).f32Mul().call(k.mathFunction(MathFunction.EXP_F32));
    }
}
