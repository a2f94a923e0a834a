package dev.edgec.core.ops.nn;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.wasm.Code;
import dev.edgec.wasm.ValType;
import java.util.ArrayList;
import java.util.List;

/**
 * Emits a Resize from per-axis {@link ResizeTaps}: one loop per output axis, then, for the axes read
 * through several taps, one loop per tap accumulating {@code product of weights * input}. Tap byte
 * offsets, weights and inside flags are constant tables. An output whose axes are all single-tap is a
 * gather, which works for every element type.
 */
final class ResizeKernel {
    private final KernelWriter k;
    private final Code c;
    private final DataType type;
    private final ResizeTaps[] axes;
    private final int[] offsetTable;
    private final int[] weightTable;
    private final int[] insideTable;
    private final boolean extrapolates;
    private final float extrapolationValue;
    private final int[] rowLocal;
    private final List<Integer> multiTapAxes = new ArrayList<>();
    private int x;
    private int y;
    private int outPtr;

    ResizeKernel(KernelWriter k, DataType type, Shape input, ResizeTaps[] axes, float extrapolationValue) {
        this.k = k;
        this.c = k.code();
        this.type = type;
        this.axes = axes;
        this.extrapolationValue = extrapolationValue;
        int[] strides = input.strides();
        int n = axes.length;
        offsetTable = new int[n];
        weightTable = new int[n];
        insideTable = new int[n];
        rowLocal = new int[n];
        boolean anyOutside = false;
        for (int a = 0; a < n; a++) {
            ResizeTaps t = axes[a];
            int out = t.index().length;
            long[] offsets = new long[out * t.taps()];
            float[] weights = new float[out * t.taps()];
            long[] inside = new long[out];
            for (int o = 0; o < out; o++) {
                for (int j = 0; j < t.taps(); j++) {
                    offsets[o * t.taps() + j] = (long) t.index()[o][j] * strides[a] * type.byteSize();
                    weights[o * t.taps() + j] = t.weight()[o][j];
                }
                inside[o] = t.inside()[o] ? 1 : 0;
            }
            offsetTable[a] = k.constantData(Tensor.ofLongs(DataType.INT32, Shape.of(offsets.length), offsets));
            if (t.taps() > 1) {
                multiTapAxes.add(a);
                weightTable[a] = k.constantData(Tensor.ofFloats(Shape.of(weights.length), weights));
            }
            if (!t.allInside()) {
                anyOutside = true;
                insideTable[a] = k.constantData(Tensor.ofLongs(DataType.INT32, Shape.of(out), inside));
            }
        }
        this.extrapolates = anyOutside;
        if (!multiTapAxes.isEmpty() && type != DataType.FLOAT32) {
            throw new IllegalArgumentException("interpolating Resize kernels are float32 only");
        }
    }

    void emit(int xAddr, int yAddr) {
        x = xAddr;
        y = yAddr;
        outPtr = k.newI32();
        int valid = extrapolates ? k.newI32() : -1;
        int off = k.newI32();
        c.i32Const(0).localSet(outPtr).i32Const(0).localSet(off);
        if (valid >= 0) {
            c.i32Const(1).localSet(valid);
        }
        outputAxis(0, off, valid);
    }

    private void outputAxis(int a, int offPrev, int validPrev) {
        if (a == axes.length) {
            element(offPrev, validPrev);
            return;
        }
        ResizeTaps t = axes[a];
        int off = k.newI32();
        int valid = validPrev >= 0 ? k.newI32() : -1;
        if (t.taps() > 1) {
            rowLocal[a] = k.newI32();
        }
        k.forRange(t.index().length, o -> {
            if (t.taps() > 1) {
                c.localGet(o).i32Const(t.taps() * 4).i32Mul().localSet(rowLocal[a]);
                c.localGet(offPrev).localSet(off);
            } else {
                c.localGet(offPrev).localGet(o).i32Const(2).i32Shl().i32Load(offsetTable[a]).i32Add().localSet(off);
            }
            if (valid >= 0) {
                c.localGet(validPrev);
                if (insideTable[a] != 0) {
                    c.localGet(o).i32Const(2).i32Shl().i32Load(insideTable[a]).i32And();
                }
                c.localSet(valid);
            }
            outputAxis(a + 1, off, valid);
        });
    }

    private void element(int off, int valid) {
        c.localGet(outPtr);
        if (multiTapAxes.isEmpty()) {
            c.localGet(off);
            k.load(type, x);
            if (valid >= 0) {
                pushExtrapolationValue();
                c.localGet(valid).select();
            }
        } else {
            int acc = k.newLocal(ValType.F32);
            c.f32Const(0).localSet(acc);
            tapAxis(0, off, -1, acc);
            c.localGet(acc);
            if (valid >= 0) {
                c.f32Const(extrapolationValue).localGet(valid).select();
            }
        }
        k.store(type, y);
        Loops.add(c, outPtr, type.byteSize());
    }

    private void pushExtrapolationValue() {
        switch (KernelWriter.stackType(type)) {
            case F32 -> c.f32Const(extrapolationValue);
            case F64 -> c.f64Const(extrapolationValue);
            case I64 -> c.i64Const((long) extrapolationValue);
            default -> c.i32Const((int) extrapolationValue);
        }
    }

    private void tapAxis(int m, int offPrev, int weightPrev, int acc) {
        if (m == multiTapAxes.size()) {
            c.localGet(weightPrev).localGet(offPrev).f32Load(x).f32Mul().localGet(acc).f32Add().localSet(acc);
            return;
        }
        int a = multiTapAxes.get(m);
        int off = k.newI32();
        int w = k.newLocal(ValType.F32);
        int entry = k.newI32();
        k.forRange(axes[a].taps(), t -> {
            c.localGet(rowLocal[a]).localGet(t).i32Const(2).i32Shl().i32Add().localSet(entry);
            c.localGet(offPrev).localGet(entry).i32Load(offsetTable[a]).i32Add().localSet(off);
            c.localGet(entry).f32Load(weightTable[a]);
            if (weightPrev >= 0) {
                c.localGet(weightPrev).f32Mul();
            }
            c.localSet(w);
            tapAxis(m + 1, off, w, acc);
        });
    }
}
