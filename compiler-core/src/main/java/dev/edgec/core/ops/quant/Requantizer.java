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
    /**
     * Largest shift with which the zero point joins the rounding constant: {@code |acc · m0| < 2^62}, so
     * {@code |p + half + zp · 2^shift| < 2^63} needs {@code 255 · 2^shift} well below {@code 2^62}.
     */
    private static final int MAX_FOLDED_SHIFT = 52;
    /**
     * Half width of the saturation table: outputs {@code v} (before saturation) known to lie in
     * {@code [-CLAMP_RADIUS, CLAMP_RADIUS]} are saturated by one load from a table of the saturated values.
     * The table holds them less the type's minimum (u8), so that its lower half is zeros, which the module
     * does not store (memory starts zeroed): int8 outputs add -128 after the load.
     */
    static final int CLAMP_RADIUS = 2048;
    /** Largest shift with which {@code (zp + CLAMP_RADIUS) · 2^shift} joins the rounding constant without i64 overflow. */
    private static final int MAX_TABLE_SHIFT = 48;
    private static final Tensor ZERO = Tensor.ofLongs(DataType.INT32, Shape.of(), new long[] {0});
    private final KernelWriter k;
    private final DataType out;
    private final QuantRange range;
    /** The output zero point's value name, or null when absent; its address is asked for only where read. */
    private final String zeroPoint;
    /** Fixed point: i64 tables of m0 and shift per channel (or -1 with a single multiplier). */
    private final FixedPointMultiplier single;
    private final int m0Table;
    private final int shiftTable;
    /**
     * Float fallback: value names of the scales, whose addresses are asked for only by {@link #emitFloat}
     * (with constant scales the multiplier tables replace them, and they cost no data bytes).
     */
    private final String aScale;
    private final String wScale;
    private final boolean wPerChannel;
    private final String yScale;
    /**
     * False when no accumulator can give a product exactly half way between two integers, for every
     * channel: then rounding half up equals rounding half to even (see {@link #tiesPossible(FixedPointMultiplier)}).
     */
    private boolean tiesPossible;
    /** The constant multipliers, one per channel (or one), or null with run-time scales. */
    private final FixedPointMultiplier[] fixed;
    /** The output zero point is a constant, added through the rounding constant (see {@link #emitFixed}). */
    private final boolean zeroPointFolded;
    /** The constant output zero point (0 when absent), when {@link #zeroPointFolded} or the zero point is constant. */
    private final long constantZeroPoint;
    /** The output zero point is a constant or absent ({@link #constantZeroPoint} holds it). */
    private final boolean zeroPointConstant;
    /** Address of the saturation table (see {@link #CLAMP_RADIUS}), or -1 to saturate with selects. */
    private int clampTable = -1;
    private int p = -1;
    private int f = -1;
    /** Locals holding the current channel's m0, shift and rounding constant (see {@link #beginChannel}), or -1. */
    private int m0Local = -1;
    private int shiftLocal = -1;
    private int roundingLocal = -1;
    /** The channel local whose multiplier the locals hold, or -1. */
    private int cachedChannel = -1;

    /**
     * @param aScale   input index of the (scalar) activation scale
     * @param wScale   input index of the weight scale, scalar or one per output channel
     * @param yScale   input index of the (scalar) output scale
     * @param yZero    input index of the (scalar) output zero point, or -1
     * @param out      the output type (int8 or uint8); the node's {@link OutputClamp} may narrow its range
     */
    Requantizer(OpContext ctx, KernelWriter k, int aScale, int wScale, int yScale, int yZero, DataType out) {
        this.k = k;
        this.out = out;
        this.range = OutputClamp.of(ctx, out);
        this.zeroPoint = yZero >= 0 && ctx.hasInput(yZero) ? ctx.inputName(yZero) : null;
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
        boolean ties = false;
        boolean foldable = true;
        for (FixedPointMultiplier m : fixed == null ? new FixedPointMultiplier[0] : fixed) {
            ties |= tiesPossible(m);
            foldable &= m.shift() <= MAX_FOLDED_SHIFT;
        }
        this.tiesPossible = ties;
        this.fixed = fixed;
        Optional<Tensor> zp = yZero >= 0 && ctx.hasInput(yZero) ? ctx.constantInput(yZero) : Optional.of(ZERO);
        this.constantZeroPoint = zp.map(t -> t.getLong(0)).orElse(0L);
        this.zeroPointConstant = zp.isPresent();
        this.zeroPointFolded = zp.isPresent() && foldable;
        this.aScale = ctx.inputName(aScale);
        this.wScale = ctx.inputName(wScale);
        this.yScale = ctx.inputName(yScale);
    }

    /**
     * Whether {@code acc · m0} can be exactly {@code 2^(shift−1)} modulo {@code 2^shift} for an i32 {@code acc}:
     * that needs {@code tz(acc) + tz(m0) = shift − 1} (tz: trailing zero bits), impossible when
     * {@code shift − 1 − tz(m0)} is negative (the product is a multiple of {@code 2^shift}) or above 31
     * (a non-zero i32 has at most 31 trailing zeros; 0 gives no tie).
     */
    static boolean tiesPossible(FixedPointMultiplier m) {
        if (m.m0() == 0) {
            return false;
        }
        int t = m.shift() - 1 - Long.numberOfTrailingZeros(m.m0());
        return t >= 0 && t <= 31;
    }

    /**
     * With a bound of each channel's accumulator, a tie needs {@code |acc| >= 2^(shift − 1 − tz(m0))} too
     * (an accumulator with that many trailing zeros is a non-zero multiple of that power): the
     * requantization rounds half up where that exceeds the bound.
     */
    @Override
    public void accumulatorBounds(long[] maxAbs) {
        if (fixed == null || m0Local >= 0 || p >= 0) {
            return; // run-time scales, or code already emitted
        }
        boolean ties = false;
        for (int i = 0; i < maxAbs.length; i++) {
            FixedPointMultiplier m = fixed[fixed.length == 1 ? 0 : i];
            if (tiesPossible(m)) {
                int t = m.shift() - 1 - Long.numberOfTrailingZeros(m.m0());
                ties |= maxAbs[i] >= 1L << t;
            }
        }
        tiesPossible = ties;
        if (zeroPointFolded && fitsClampTable(maxAbs)) {
            long[] table = new long[2 * CLAMP_RADIUS + 1];
            for (int i = 0; i < table.length; i++) {
                table[i] = Math.max(range.min(), Math.min(range.max(), i - CLAMP_RADIUS)) - range.min();
            }
            // the same table for every kernel with this output type: the constant pool places it once
            clampTable = k.constantData(Tensor.ofLongs(DataType.UINT8, Shape.of(table.length), table));
        }
    }

    /**
     * Whether every channel's output before saturation, {@code round(acc · m) + zp} for {@code |acc| <= maxAbs},
     * lies within {@link #CLAMP_RADIUS} (it is monotone in {@code acc}, so the ends of the range bound it).
     */
    private boolean fitsClampTable(long[] maxAbs) {
        for (int i = 0; i < maxAbs.length; i++) {
            FixedPointMultiplier m = fixed[fixed.length == 1 ? 0 : i];
            if (m.shift() > MAX_TABLE_SHIFT) {
                return false;
            }
            for (long acc : new long[] {-maxAbs[i], maxAbs[i]}) {
                if (Math.abs(m.apply(acc) + constantZeroPoint) > CLAMP_RADIUS) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The constant added to the output before the shift: the zero point, plus the table's radius when saturating by table. */
    private long outputOffset() {
        return constantZeroPoint + (clampTable >= 0 ? CLAMP_RADIUS : 0);
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
            roundingLocal = k.newLocal(ValType.I64);
        }
        loadTable(m0Table, channel);
        c.localSet(m0Local);
        loadTable(shiftTable, channel);
        c.localSet(shiftLocal);
        pushRoundingOf(() -> c.localGet(shiftLocal));
        c.localSet(roundingLocal);
        cachedChannel = channel;
    }

    void emit(int acc, int channel) {
        if (fixedPoint()) {
            emitFixed(acc, channel);
        } else {
            emitFloat(acc, channel);
        }
    }

    /**
     * {@code acc · m} rounded half to even, plus the zero point, saturated: the value of
     * {@link FixedPointMultiplier#apply} in 21 instructions (+7 where ties can occur) instead of 49, or in 10 (12 for int8)
     * when an accumulator bound keeps the output within a saturation table ({@link #CLAMP_RADIUS}: the
     * radius joins the rounding constant, and one load saturates).
     * With {@code p = acc · m0}: {@code (p + c) >> shift} where {@code c = half + (zp << shift)} rounds half
     * up and adds the zero point (a multiple of {@code 2^shift} added before the floor shift is added after
     * it); when a tie is possible, {@code c = half − 1 + (zp << shift)} plus the bit {@code shift} of
     * {@code p} (the parity of the floor) rounds a tie up only from an odd floor, i.e. half to even.
     * Integer only (no f32 min/max for the clamp: integer-only modules must hold no float instruction).
     */
    private void emitFixed(int acc, int channel) {
        Code c = k.code();
        boolean cached = channel == cachedChannel && m0Local >= 0;
        if (p < 0) {
            p = k.newLocal(ValType.I64);
        }
        c.localGet(acc).i64ExtendI32S();
        pushM0(channel, cached);
        c.i64Mul();
        if (tiesPossible) {
            c.localTee(p).localGet(p);
            pushShift(channel, cached);
            c.i64ShrS().i64Const(1).i64And().i64Add();
        }
        pushRounding(channel, cached);
        c.i64Add();
        pushShift(channel, cached);
        c.i64ShrS();
        if (!zeroPointFolded && !zeroPointConstant) {
            c.i32Const(0);
            k.load(out, k.address(zeroPoint));
            c.i64ExtendI32S().i64Add();
        } else if (!zeroPointFolded && constantZeroPoint != 0) {
            c.i64Const(constantZeroPoint).i64Add();
        }
        if (clampTable >= 0) {
            // v + CLAMP_RADIUS is in [0, 2 · CLAMP_RADIUS]: the table holds the saturated value
            c.i32WrapI64();
            k.load(DataType.UINT8, clampTable);
            if (range.min() != 0) {
                c.i32Const((int) range.min()).i32Add();
            }
            return;
        }
        // saturate in i64 (v may exceed i32 when shift < 32), two selects reusing the value through tee
        c.localTee(p).i64Const(range.min()).localGet(p).i64Const(range.min()).i64GtS().select();
        c.localTee(p).i64Const(range.max()).localGet(p).i64Const(range.max()).i64LtS().select();
        c.i32WrapI64();
    }

    private void pushM0(int channel, boolean cached) {
        Code c = k.code();
        if (single != null) {
            c.i64Const(single.m0());
        } else if (cached) {
            c.localGet(m0Local);
        } else {
            loadTable(m0Table, channel);
        }
    }

    private void pushShift(int channel, boolean cached) {
        Code c = k.code();
        if (single != null) {
            c.i64Const(single.shift());
        } else if (cached) {
            c.localGet(shiftLocal);
        } else {
            loadTable(shiftTable, channel);
        }
    }

    /** Pushes the channel's rounding constant {@code c} (see {@link #emitFixed}). */
    private void pushRounding(int channel, boolean cached) {
        Code c = k.code();
        if (single != null) {
            c.i64Const(rounding(single.shift()));
        } else if (cached) {
            c.localGet(roundingLocal);
        } else {
            pushRoundingOf(() -> loadTable(shiftTable, channel));
        }
    }

    /** The rounding constant for a constant shift. */
    private long rounding(int shift) {
        long r = (1L << (shift - 1)) - (tiesPossible ? 1 : 0);
        return zeroPointFolded ? r + (outputOffset() << shift) : r;
    }

    /** Pushes the rounding constant computed from the shift that {@code shift} pushes (as i64). */
    private void pushRoundingOf(Runnable shift) {
        Code c = k.code();
        c.i64Const(1);
        shift.run();
        c.i64Const(1).i64Sub().i64Shl();
        if (tiesPossible) {
            c.i64Const(1).i64Sub();
        }
        if (zeroPointFolded && outputOffset() != 0) {
            c.i64Const(outputOffset());
            shift.run();
            c.i64Shl().i64Add();
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
        c.i32Const(0).f32Load(k.address(aScale));
        if (wPerChannel) {
            c.localGet(channel).i32Const(2).i32Shl();
        } else {
            c.i32Const(0);
        }
        c.f32Load(k.address(wScale)).f32Mul();
        c.i32Const(0).f32Load(k.address(yScale)).f32Div();
        c.f32Mul().f32Nearest();
        if (zeroPoint != null) {
            c.i32Const(0);
            k.load(out, k.address(zeroPoint));
            c.f32ConvertI32S().f32Add();
        }
        c.localSet(f);
        QuantizeLinearOp.saturateToInt(c, f, range);
    }
}
