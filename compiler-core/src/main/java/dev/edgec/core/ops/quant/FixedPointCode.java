package dev.edgec.core.ops.quant;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.wasm.Code;
import dev.edgec.wasm.ValType;

/**
 * Emits the integer tail shared by the integer-only kernels: an i64 value in units of {@code 2^-shift}
 * is shifted right rounding half to even, the output zero point is added and the result saturates to
 * the output type. Multipliers are made by {@link #multipliers} with one shift for all, so that
 * several terms can be summed in i64 before the single rounding (as {@code round(a + b)}, not
 * {@code round(a) + round(b)}).
 */
final class FixedPointCode {
    /** Largest shift: beyond it every multiplier of an 8-bit difference rounds to 0 anyway. */
    static final int MAX_SHIFT = 62;

    private final KernelWriter k;
    private int p = -1;
    private int q = -1;
    private int r = -1;

    FixedPointCode(KernelWriter k) {
        this.k = k;
    }

    /** Real multipliers with one shift; {@code m0[i] = round(m[i] · 2^shift)}, the largest in [2^30, 2^31]. */
    record Multipliers(long[] m0, int shift) {
    }

    /**
     * The multipliers {@code m} (each finite, {@code |m| < 2^30}) as integers over one power of two.
     *
     * @throws IllegalArgumentException when a multiplier is too large for fixed point
     */
    static Multipliers multipliers(double... m) {
        double max = 0;
        for (double v : m) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("multiplier " + v + " is not finite");
            }
            max = Math.max(max, Math.abs(v));
        }
        int shift = max == 0 ? 1 : 31 - (Math.getExponent(max) + 1);
        if (shift < 1) {
            throw new IllegalArgumentException("multiplier " + max + " is 2^30 or more");
        }
        shift = Math.min(shift, MAX_SHIFT);
        long[] m0 = new long[m.length];
        for (int i = 0; i < m.length; i++) {
            m0[i] = Math.round(Math.scalb(m[i], shift));
        }
        return new Multipliers(m0, shift);
    }

    /** {@link #multipliers(double...)}, a multiplier too large being the node's unsupported-model error about {@code what}. */
    static Multipliers multipliers(dev.edgec.core.ops.OpContext ctx, String what, double... m) {
        try {
            return multipliers(m);
        } catch (IllegalArgumentException e) {
            throw ctx.unsupported(what + ": " + e.getMessage() + "; edgec's fixed-point requantization needs a smaller one");
        }
    }

    /** The i64 on the stack, divided by {@code 2^shift} rounding half to even (i64 on the stack). */
    void roundShift(int shift) {
        Code c = k.code();
        if (p < 0) {
            roundShiftLocals();
        }
        long half = 1L << (shift - 1);
        c.localSet(p);
        c.localGet(p).i64Const(shift).i64ShrS().localSet(q);
        c.localGet(p).localGet(q).i64Const(shift).i64Shl().i64Sub().localSet(r);
        c.localGet(q);
        c.localGet(r).i64Const(half).i64GtS();
        c.localGet(r).i64Const(half).i64Eq();
        c.localGet(q).i32WrapI64().i32Const(1).i32And().i32And();
        c.i32Or().i64ExtendI32U().i64Add();
    }

    /** The i64 on the stack plus {@code zeroPoint}, saturated to {@code range}, as an i32. */
    void addZeroPointAndSaturate(long zeroPoint, QuantRange range) {
        Code c = k.code();
        if (p < 0) {
            roundShiftLocals();
        }
        c.i64Const(zeroPoint).i64Add().localSet(q);
        c.localGet(q).i64Const(range.min()).localGet(q).i64Const(range.min()).i64GtS().select().localSet(q);
        c.localGet(q).i64Const(range.max()).localGet(q).i64Const(range.max()).i64LtS().select();
        c.i32WrapI64();
    }

    private void roundShiftLocals() {
        p = k.newLocal(ValType.I64);
        q = k.newLocal(ValType.I64);
        r = k.newLocal(ValType.I64);
    }

    /** Saturates the i32 on the stack to {@code [lo, hi]} (i32 on the stack); {@code tmp} is a scratch i32 local. */
    static void clampI32(Code c, int tmp, long lo, long hi) {
        c.localSet(tmp);
        c.localGet(tmp).i32Const((int) lo).localGet(tmp).i32Const((int) lo).i32GtS().select().localSet(tmp);
        c.localGet(tmp).i32Const((int) hi).localGet(tmp).i32Const((int) hi).i32LtS().select();
    }
}
