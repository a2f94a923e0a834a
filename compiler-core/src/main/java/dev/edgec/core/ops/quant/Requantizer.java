package dev.edgec.core.ops.quant;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.wasm.Code;
import dev.edgec.wasm.ValType;
import java.util.Optional;

/**
 * Turns an i32 accumulator (in units of {@code a_scale · w_scale[c]}) into an output value
 * {@code saturate(round(acc · a_scale · w_scale[c] / y_scale) + y_zero_point)}.
 *
 * <p>With constant scales the multiplier of each channel becomes a {@link FixedPointMultiplier} at
 * compile time and the code is integer only: an i64 product, a right shift rounding half to even,
 * the zero point and a clamp. ONNX Runtime instead multiplies {@code float(acc)} by the same float
 * multiplier in float32 and rounds that; the float product's own rounding can move a value lying
 * within a float32 ulp of a .5 boundary to the other side, so results may differ by 1 there
 * (measured in the tests). With scales given at run time, this emits ONNX Runtime's float
 * computation instead, which agrees exactly.
 */
final class Requantizer implements AccumulatorSink {
    private final KernelWriter k;
    private final DataType out;
    private final QuantRange range;
    private final int zeroPoint;
    /** Fixed point: i64 tables of m0 and shift per channel (or -1 with a single multiplier). */
    private final FixedPointMultiplier single;
    private final int m0Table;
    private final int shiftTable;
    /** Float fallback: addresses of the run-time scales. */
    private final int aScale;
    private final int wScale;
    private final boolean wPerChannel;
    private final int yScale;
    private int p = -1;
    private int q = -1;
    private int r = -1;
    private int f = -1;
    /** Locals holding the current channel's m0, shift and half (see {@link #beginChannel}), or -1. */
    private int m0Local = -1;
    private int shiftLocal = -1;
    private int halfLocal = -1;
    /** The channel local whose multiplier the locals hold, or -1. */
    private int cachedChannel = -1;

    /**
     * @param aScale   input index of the (scalar) activation scale
     * @param wScale   input index of the weight scale, scalar or one per output channel
     * @param yScale   input index of the (scalar) output scale
     * @param yZero    input index of the (scalar) output zero point, or -1
     * @param out      the output type (int8 or uint8)
     */
    Requantizer(OpContext ctx, KernelWriter k, int aScale, int wScale, int yScale, int yZero, DataType out) {
        this.k = k;
        this.out = out;
        this.range = QuantRange.of(out);
        this.zeroPoint = yZero >= 0 && ctx.hasInput(yZero) ? k.address(ctx.inputName(yZero)) : -1;
        this.wPerChannel = ctx.inputType(wScale).elementCount() > 1;
        Optional<Tensor> as = ctx.constantInput(aScale);
        Optional<Tensor> ws = ctx.constantInput(wScale);
        Optional<Tensor> ys = ctx.constantInput(yScale);
        FixedPointMultiplier[] fixed = as.isPresent() && ws.isPresent() && ys.isPresent()
                ? multipliers(ctx, as.get(), ws.get(), ys.get()) : null;
        if (fixed != null && fixed.length == 1) {
            single = fixed[0];
            m0Table = -1;
            shiftTable = -1;
        } else if (fixed != null) {
            single = null;
            long[] m0 = new long[fixed.length];
            long[] sh = new long[fixed.length];
            for (int i = 0; i < fixed.length; i++) {
                m0[i] = fixed[i].m0();
                sh[i] = fixed[i].shift();
            }
            // |m0| < 2^31 and shift <= 62: i32 and u8 tables (5 bytes a channel instead of 16), widened on load
            m0Table = k.constantData(Tensor.ofLongs(DataType.INT32, Shape.of(m0.length), m0));
            shiftTable = k.constantData(Tensor.ofLongs(DataType.UINT8, Shape.of(sh.length), sh));
        } else {
            single = null;
            m0Table = -1;
            shiftTable = -1;
        }
        this.aScale = k.address(ctx.inputName(aScale));
        this.wScale = k.address(ctx.inputName(wScale));
        this.yScale = k.address(ctx.inputName(yScale));
    }

    /** True when the requantization is integer only (all scales constant). */
    boolean fixedPoint() {
        return single != null || m0Table >= 0;
    }

    /** Per-channel multipliers formed in float32 as ONNX Runtime does: {@code a · w[c] / y}. */
    private static FixedPointMultiplier[] multipliers(OpContext ctx, Tensor a, Tensor w, Tensor y) {
        FixedPointMultiplier[] out = new FixedPointMultiplier[w.elementCount()];
        for (int i = 0; i < out.length; i++) {
            float m = (float) a.getDouble(0) * (float) w.getDouble(i) / (float) y.getDouble(0);
            if (!Float.isFinite(m)) {
                throw ctx.error("the requantization scale x_scale * w_scale / y_scale is " + m + " for channel " + i
                        + "; scales must be finite and y_scale non-zero");
            }
            out[i] = FixedPointMultiplier.of(m);
            if (out[i] == null) {
                throw ctx.unsupported("the requantization scale x_scale * w_scale / y_scale = " + m + " for channel " + i
                        + " is 2^30 or more; edgec's fixed-point requantization needs a smaller one");
            }
        }
        return out;
    }

    /** Pushes the requantized i32 value of the i32 local {@code acc} for the channel in local {@code channel}. */
    @Override
    public void push(int acc, int channel) {
        emit(acc, channel);
    }

    /**
     * Loads channel {@code channel}'s multiplier, shift and rounding half into locals once, so that the
     * requantization of each of the channel's outputs reads locals instead of three i64 tables.
     */
    @Override
    public void beginChannel(int channel) {
        if (m0Table < 0) {
            return;
        }
        Code c = k.code();
        if (m0Local < 0) {
            m0Local = k.newLocal(ValType.I64);
            shiftLocal = k.newLocal(ValType.I64);
            halfLocal = k.newLocal(ValType.I64);
        }
        loadTable(m0Table, channel);
        c.localSet(m0Local);
        loadTable(shiftTable, channel);
        c.localSet(shiftLocal);
        c.i64Const(1).localGet(shiftLocal).i64Const(1).i64Sub().i64Shl().localSet(halfLocal);
        cachedChannel = channel;
    }

    void emit(int acc, int channel) {
        if (fixedPoint()) {
            emitFixed(acc, channel);
        } else {
            emitFloat(acc, channel);
        }
    }

    private void emitFixed(int acc, int channel) {
        Code c = k.code();
        if (p < 0) {
            p = k.newLocal(ValType.I64);
            q = k.newLocal(ValType.I64);
            r = k.newLocal(ValType.I64);
        }
        // p = acc * m0; q = p >> shift (floor); r = p - (q << shift) in [0, 2^shift)
        c.localGet(acc).i64ExtendI32S();
        pushTable(m0Table, single == null ? 0 : single.m0(), channel);
        c.i64Mul().localSet(p);
        c.localGet(p);
        pushTable(shiftTable, single == null ? 0 : single.shift(), channel);
        c.i64ShrS().localSet(q);
        c.localGet(p).localGet(q);
        pushTable(shiftTable, single == null ? 0 : single.shift(), channel);
        c.i64Shl().i64Sub().localSet(r);
        // round half to even: q += r > half || (r == half && q odd); half = 1 << (shift - 1)
        c.localGet(q);
        c.localGet(r);
        pushHalf(channel);
        c.i64GtS();
        c.localGet(r);
        pushHalf(channel);
        c.i64Eq();
        c.localGet(q).i32WrapI64().i32Const(1).i32And().i32And();
        c.i32Or().i64ExtendI32U().i64Add();
        if (zeroPoint >= 0) {
            c.i32Const(0);
            k.load(out, zeroPoint);
            c.i64ExtendI32S().i64Add();
        }
        c.localSet(q);
        // clamp in i64 (the product may exceed i32), then narrow
        c.localGet(q).i64Const(range.min()).localGet(q).i64Const(range.min()).i64GtS().select().localSet(q);
        c.localGet(q).i64Const(range.max()).localGet(q).i64Const(range.max()).i64LtS().select();
        c.i32WrapI64();
    }

    private void pushHalf(int channel) {
        Code c = k.code();
        if (channel == cachedChannel && halfLocal >= 0) {
            c.localGet(halfLocal);
            return;
        }
        if (single != null) {
            c.i64Const(1L << (single.shift() - 1));
            return;
        }
        c.i64Const(1);
        pushTable(shiftTable, 0, channel);
        c.i64Const(1).i64Sub().i64Shl();
    }

    private void pushTable(int table, long constant, int channel) {
        Code c = k.code();
        if (table < 0) {
            c.i64Const(constant);
        } else if (channel == cachedChannel) {
            c.localGet(table == m0Table ? m0Local : shiftLocal);
        } else {
            loadTable(table, channel);
        }
    }

    /** Pushes, as i64, the channel's entry of the i32 m0 table or of the u8 shift table. */
    private void loadTable(int table, int channel) {
        Code c = k.code();
        if (table == m0Table) {
            c.localGet(channel).i32Const(2).i32Shl().i64Load32S(table);
        } else {
            c.localGet(channel).i64Load8U(table);
        }
    }

    /** ONNX Runtime's computation: {@code float(acc) * (a * w[c] / y)}, rounded half to even, saturated. */
    private void emitFloat(int acc, int channel) {
        Code c = k.code();
        if (f < 0) {
            f = k.newLocal(ValType.F32);
        }
        c.localGet(acc).f32ConvertI32S();
        c.i32Const(0).f32Load(aScale);
        if (wPerChannel) {
            c.localGet(channel).i32Const(2).i32Shl();
        } else {
            c.i32Const(0);
        }
        c.f32Load(wScale).f32Mul();
        c.i32Const(0).f32Load(yScale).f32Div();
        c.f32Mul().f32Nearest();
        if (zeroPoint >= 0) {
            c.i32Const(0);
            k.load(out, zeroPoint);
            c.f32ConvertI32S().f32Add();
        }
        c.localSet(f);
        QuantizeLinearOp.saturateToInt(c, f, range);
    }
}
