package dev.edgec.core.ops.quant;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.nn.ConvOp;
import dev.edgec.core.ops.nn.WindowGeometry;
import dev.edgec.ir.DataType;
import dev.edgec.wasm.Code;

/**
 * Emits a direct integer convolution: per output, {@code acc = bias[m] + Σ (x - x_zp)(w - w_zp[m])}
 * over the group's channels and the window's taps in i32, then the {@link AccumulatorSink} gives the
 * stored value. X and W are 8-bit, so element offsets are byte offsets. Taps falling in the padding are skipped (a padded input equals its zero point, so
 * it adds 0), by an unsigned range check per dimension. Integer only.
 */
final class IntegerConvKernel {
    private final KernelWriter k;
    private final Code c;
    private final ConvOp.Plan p;
    private final WindowGeometry g;
    private final int rank;
    private final int[] inStrides;
    private final int[] wStrides;
    private final int plane;
    private final int kernelVolume;
    private final int outPlane;

    IntegerConvKernel(KernelWriter k, ConvOp.Plan p) {
        this.k = k;
        this.c = k.code();
        this.p = p;
        this.g = p.window();
        this.rank = g.rank();
        inStrides = new int[rank];
        wStrides = new int[rank];
        int in = 1;
        int kv = 1;
        int o = 1;
        for (int i = rank - 1; i >= 0; i--) {
            inStrides[i] = in;
            wStrides[i] = kv;
            in *= g.input()[i];
            kv *= g.kernel()[i];
            o *= g.output()[i];
        }
        plane = in;
        kernelVolume = kv;
        outPlane = o;
    }

    /**
     * @param bias address of the int32 bias, or -1
     */
    void emit(int x, DataType xt, ZeroPoint xZp, int w, DataType wt, ZeroPoint wZp, int bias, int y, DataType yt,
              AccumulatorSink sink) {
        int cg = p.channelsPerGroup();
        int xg = k.newI32();
        int wm = k.newI32();
        int xc = k.newI32();
        int wc = k.newI32();
        int yp = k.newI32();
        int acc = k.newI32();
        int zx = k.newI32();
        int zw = k.newI32();
        int[] pos = new int[rank];
        int[] tap = new int[rank];
        int[] ix = new int[rank];
        int[] xOff = new int[rank];
        int[] wOff = new int[rank];
        for (int i = 0; i < rank; i++) {
            pos[i] = k.newI32();
            tap[i] = k.newI32();
            ix[i] = k.newI32();
            xOff[i] = k.newI32();
            wOff[i] = k.newI32();
        }
        xZp.load(k, -1, zx);
        c.i32Const(0).localSet(yp);
        k.forRange(p.batch(), n -> k.forRange(p.filters(), m -> {
            // xg = element index of the group's first input channel in X; wm = the filter's first weight
            c.localGet(n).i32Const(p.channels() * plane).i32Mul();
            c.localGet(m).i32Const(p.filtersPerGroup()).i32DivU().i32Const(cg * plane).i32Mul().i32Add().localSet(xg);
            c.localGet(m).i32Const(cg * kernelVolume).i32Mul().localSet(wm);
            wZp.load(k, m, zw);
            outputs(0, pos, () -> {
                if (bias >= 0) {
                    c.localGet(m).i32Const(2).i32Shl().i32Load(bias).localSet(acc);
                } else {
                    c.i32Const(0).localSet(acc);
                }
                c.localGet(xg).localSet(xc);
                c.localGet(wm).localSet(wc);
                k.forRange(cg, ch -> {
                    taps(0, pos, tap, ix, xOff, wOff, () -> {
                        c.localGet(acc);
                        c.localGet(xc).localGet(xOff[rank - 1]).i32Add();
                        k.load(xt, x);
                        c.localGet(zx).i32Sub();
                        c.localGet(wc).localGet(wOff[rank - 1]).i32Add();
                        k.load(wt, w);
                        c.localGet(zw).i32Sub();
                        c.i32Mul().i32Add().localSet(acc);
                    });
                    c.localGet(xc).i32Const(plane).i32Add().localSet(xc);
                    c.localGet(wc).i32Const(kernelVolume).i32Add().localSet(wc);
                });
                k.pushByteOffset(yp, yt);
                sink.push(acc, m);
                k.store(yt, y);
                c.localGet(yp).i32Const(1).i32Add().localSet(yp);
            });
        }));
    }

    private void outputs(int i, int[] pos, Runnable body) {
        if (i == rank) {
            body.run();
            return;
        }
        k.forRange(pos[i], g.output()[i], () -> outputs(i + 1, pos, body));
    }

    /**
     * Loops over the taps of dimension {@code i} on; {@code xOff[i]}/{@code wOff[i]} hold the offsets
     * (elements, relative to the channel) of the current tap of dimensions 0..i, reached only when inside the input.
     */
    private void taps(int i, int[] pos, int[] tap, int[] ix, int[] xOff, int[] wOff, Runnable body) {
        k.forRange(tap[i], g.kernel()[i], () -> {
            // ix = pos * stride - padBegin + tap * dilation
            c.localGet(pos[i]).i32Const(g.strides()[i]).i32Mul();
            c.localGet(tap[i]).i32Const(g.dilations()[i]).i32Mul().i32Add();
            c.i32Const(g.padBegin()[i]).i32Sub().localSet(ix[i]);
            c.localGet(ix[i]).i32Const(g.input()[i]).i32LtU();
            c.if_();
            if (i > 0) {
                c.localGet(xOff[i - 1]);
            } else {
                c.i32Const(0);
            }
            c.localGet(ix[i]).i32Const(inStrides[i]).i32Mul().i32Add().localSet(xOff[i]);
            if (i > 0) {
                c.localGet(wOff[i - 1]);
            } else {
                c.i32Const(0);
            }
            c.localGet(tap[i]).i32Const(wStrides[i]).i32Mul().i32Add().localSet(wOff[i]);
            if (i == rank - 1) {
                body.run();
            } else {
                taps(i + 1, pos, tap, ix, xOff, wOff, body);
            }
            c.end();
        });
    }
}
