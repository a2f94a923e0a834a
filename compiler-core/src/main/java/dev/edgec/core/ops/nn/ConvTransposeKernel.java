package dev.edgec.core.ops.nn;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.wasm.Code;
import dev.edgec.wasm.ValType;

/**
 * The ConvTranspose loops, in ONNX Runtime's order of summation (its col2im form): for each output
 * channel, input position and tap, first the dot product over the input channels of the group, then
 * that sum is added to the output position the tap reaches. Output starts as the bias. The taps of
 * input position {@code i} that land inside the output are {@code [first[i], end[i])}, constant
 * tables per spatial dimension, so no bounds test runs per tap.
 */
final class ConvTransposeKernel {
    private final KernelWriter k;
    private final Code c;
    private final ConvTransposeOp.Plan p;
    private final int r;
    private final int[] inStride;
    private final int[] outStride;
    private final int[] kStride;
    private final int[] firstTable;
    private final int[] endTable;
    private final int[] iLocal;
    private final int inPlane;
    private final int outPlane;
    private final int kPlane;

    ConvTransposeKernel(KernelWriter k, ConvTransposeOp.Plan p) {
        this.k = k;
        this.c = k.code();
        this.p = p;
        this.r = p.input().length;
        inStride = Shape.of(p.input()).strides();
        outStride = Shape.of(p.output()).strides();
        kStride = Shape.of(p.kernel()).strides();
        inPlane = Shape.of(p.input()).elementCount();
        outPlane = Shape.of(p.output()).elementCount();
        kPlane = Shape.of(p.kernel()).elementCount();
        WindowGeometry g = p.window();
        firstTable = new int[r];
        endTable = new int[r];
        iLocal = new int[r];
        for (int d = 0; d < r; d++) {
            long[] first = new long[p.input()[d]];
            long[] end = new long[p.input()[d]];
            for (int i = 0; i < first.length; i++) {
                first[i] = g.firstTap(d, i);
                end[i] = Math.max(first[i], g.endTap(d, i, p.output()[d]));
            }
            firstTable[d] = k.constantData(Tensor.ofLongs(DataType.INT32, Shape.of(first.length), first));
            endTable[d] = k.constantData(Tensor.ofLongs(DataType.INT32, Shape.of(end.length), end));
        }
    }

    void emit(int x, int w, int bias, int y) {
        int filters = p.filters();
        int groupChannels = p.channels() / p.group();
        int groupFilters = filters / p.group();
        int ptr = k.newI32();
        c.i32Const(0).localSet(ptr);
        k.forRange(p.batch(), n -> k.forRange(filters, m -> k.forRange(outPlane, unused -> {
            c.localGet(ptr);
            if (bias >= 0) {
                c.localGet(m).i32Const(2).i32Shl().f32Load(bias);
            } else {
                c.f32Const(0);
            }
            c.f32Store(y);
            Loops.add(c, ptr, 4);
        })));
        int xBase = k.newI32();
        int wBase = k.newI32();
        int yBase = k.newI32();
        k.forRange(p.batch(), n -> k.forRange(p.group(), g -> k.forRange(groupFilters, mm -> {
            c.localGet(n).i32Const(p.channels()).i32Mul().localGet(g).i32Const(groupChannels).i32Mul().i32Add()
                    .i32Const(inPlane * 4).i32Mul().localSet(xBase);
            c.localGet(g).i32Const(groupChannels * groupFilters).i32Mul().localGet(mm).i32Add()
                    .i32Const(kPlane * 4).i32Mul().localSet(wBase);
            c.localGet(n).i32Const(filters).i32Mul().localGet(g).i32Const(groupFilters).i32Mul().i32Add()
                    .localGet(mm).i32Add().i32Const(outPlane * 4).i32Mul().localSet(yBase);
            inputLevel(0, xBase, yBase, x, w, wBase, y, groupChannels, groupFilters);
        })));
    }

    /** Loops over input positions along dimension d; {@code xOff}/{@code yOff} hold the offsets so far. */
    private void inputLevel(int d, int xOffPrev, int yOffPrev, int x, int w, int wBase, int y, int groupChannels,
                            int groupFilters) {
        if (d == r) {
            tapLevel(0, wBase, yOffPrev, xOffPrev, x, w, y, groupChannels, groupFilters);
            return;
        }
        int xOff = k.newI32();
        int yOff = k.newI32();
        k.forRange(p.input()[d], i -> {
            iLocal[d] = i;
            c.localGet(xOffPrev).localGet(i).i32Const(inStride[d] * 4).i32Mul().i32Add().localSet(xOff);
            c.localGet(yOffPrev).localGet(i).i32Const(p.strides()[d]).i32Mul().i32Const(p.padBegin()[d]).i32Sub()
                    .i32Const(outStride[d] * 4).i32Mul().i32Add().localSet(yOff);
            inputLevel(d + 1, xOff, yOff, x, w, wBase, y, groupChannels, groupFilters);
        });
    }

    /** Loops over the taps of dimension d that land inside the output. */
    private void tapLevel(int d, int wOffPrev, int yOffPrev, int xOff, int x, int w, int y, int groupChannels,
                          int groupFilters) {
        if (d == r) {
            dot(xOff, wOffPrev, yOffPrev, x, w, y, groupChannels, groupFilters);
            return;
        }
        int t = k.newI32();
        int wOff = k.newI32();
        int yOff = k.newI32();
        c.localGet(iLocal[d]).i32Const(2).i32Shl().i32Load(firstTable[d]).localSet(t);
        c.block().loop();
        c.localGet(t).localGet(iLocal[d]).i32Const(2).i32Shl().i32Load(endTable[d]).i32GeS().brIf(1);
        c.localGet(wOffPrev).localGet(t).i32Const(kStride[d] * 4).i32Mul().i32Add().localSet(wOff);
        c.localGet(yOffPrev).localGet(t).i32Const(p.dilations()[d] * outStride[d] * 4).i32Mul().i32Add().localSet(yOff);
        tapLevel(d + 1, wOff, yOff, xOff, x, w, y, groupChannels, groupFilters);
        c.localGet(t).i32Const(1).i32Add().localSet(t).br(0);
        c.end().end();
    }

    private void dot(int xOff, int wOff, int yOff, int x, int w, int y, int groupChannels, int groupFilters) {
        int sum = k.newLocal(ValType.F32);
        int xp = k.newI32();
        int wp = k.newI32();
        c.f32Const(0).localSet(sum).localGet(xOff).localSet(xp).localGet(wOff).localSet(wp);
        k.forRange(groupChannels, unused -> {
            c.localGet(xp).f32Load(x).localGet(wp).f32Load(w).f32Mul().localGet(sum).f32Add().localSet(sum);
            Loops.add(c, xp, inPlane * 4);
            Loops.add(c, wp, groupFilters * kPlane * 4);
        });
        c.localGet(yOff).localGet(yOff).f32Load(y).localGet(sum).f32Add().f32Store(y);
    }
}
