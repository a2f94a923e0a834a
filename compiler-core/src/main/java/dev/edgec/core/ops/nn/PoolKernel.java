package dev.edgec.core.ops.nn;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.ir.DataType;
import dev.edgec.wasm.Code;
import dev.edgec.wasm.ValType;

/**
 * Emits a max, average or Lp pooling over every plane of an N x C x spatial input: each output walks
 * only the taps of its window that lie in the input ({@link TapWalker}); padding never contributes a
 * value, and an average divides by the taps counted by the {@code count_include_pad} rule.
 */
final class PoolKernel {
    enum Kind { MAX, AVERAGE, LP }

    /** Emits one output: its window's taps are walked from local {@code xp}; the result is stored at local {@code yp}. */
    private interface Window {
        void emit(TapWalker walker, int xp, int yp);
    }

    private PoolKernel() {
    }

    /**
     * @param planes N * C
     * @param countPadding for averages: whether taps in the padding count in the divisor
     */
    static void emit(KernelWriter k, Kind kind, WindowGeometry g, int planes, int x, int y, boolean countPadding) {
        emit(k, kind, g, planes, x, y, countPadding, 2);
    }

    /**
     * As above for element type {@code t}: float32, or int8/uint8 for MAX. The tap walker steps in
     * 4-byte elements, so for byte elements it walks addresses scaled by 4 and each load shifts back.
     */
    static void emit(KernelWriter k, Kind kind, WindowGeometry g, int planes, int x, int y, boolean countPadding,
                     DataType t) {
        emit(k, kind, g, planes, x, y, countPadding, t, null);
    }

    /** A max pooling of element type {@code t} that also writes MaxPool's Indices output to {@code indices}. */
    static void emitMaxWithIndices(KernelWriter k, WindowGeometry g, int planes, int x, int y, DataType t,
                                   PoolIndices.Target indices) {
        emit(k, Kind.MAX, g, planes, x, y, false, t, indices);
    }

    private static void emit(KernelWriter k, Kind kind, WindowGeometry g, int planes, int x, int y, boolean countPadding,
                             DataType t, PoolIndices.Target indices) {
        if (t == DataType.FLOAT32) {
            emitFloat(k, kind, g, planes, x, y, countPadding, 2, indices);
            return;
        }
        Code c = k.code();
        int acc = k.newI32();
        int v = k.newI32();
        PoolIndices argmax = indices == null ? null : new PoolIndices(k, g, indices, x * 4, y, 3);
        forEachWindow(k, g, planes, x * 4, y, 1, false, (walker, xp, yp) -> {
            c.i32Const(t == DataType.INT8 ? -128 : 0).localSet(acc);
            if (argmax != null) {
                argmax.start(xp);
            }
            walker.walk(xp, -1, (xa, unused) -> {
                c.localGet(xa).i32Const(2).i32ShrU();
                k.load(t, 0);
                c.localSet(v);
                if (argmax != null) {
                    c.localGet(v).localGet(acc).i32GtS();
                    argmax.takeIf(xa);
                }
                c.localGet(v).localGet(acc).localGet(v).localGet(acc).i32GtS().select().localSet(acc);
            });
            c.localGet(yp).localGet(acc);
            k.store(t, 0);
            if (argmax != null) {
                argmax.store(yp);
            }
        });
    }

    /** As above in float32; for {@link Kind#LP}, {@code (sum of |x|^p)^(1/p)} over the window (padding adds 0). */
    static void emit(KernelWriter k, Kind kind, WindowGeometry g, int planes, int x, int y, boolean countPadding, int p) {
        emitFloat(k, kind, g, planes, x, y, countPadding, p, null);
    }

    /**
     * The float32 kernel; with {@code indices} (MAX only) the first tap holding the maximum is
     * remembered, a tap that is strictly larger than the maximum so far taking over.
     */
    private static void emitFloat(KernelWriter k, Kind kind, WindowGeometry g, int planes, int x, int y,
                                  boolean countPadding, int p, PoolIndices.Target indices) {
        Code c = k.code();
        int acc = k.newLocal(ValType.F32);
        int v = indices == null ? -1 : k.newLocal(ValType.F32);
        PoolIndices argmax = indices == null ? null : new PoolIndices(k, g, indices, x, y, 1);
        forEachWindow(k, g, planes, x, y, 4, countPadding, (walker, xp, yp) -> {
            c.f32Const(kind == Kind.MAX ? Float.NEGATIVE_INFINITY : 0f).localSet(acc);
            if (argmax != null) {
                argmax.start(xp);
            }
            walker.walk(xp, -1, (xa, unused) -> {
                if (argmax != null) {
                    c.localGet(xa).f32Load(0).localTee(v).localGet(acc).f32Gt();
                    argmax.takeIf(xa);
                    c.localGet(acc).localGet(v);
                } else {
                    c.localGet(acc).localGet(xa).f32Load(0);
                }
                if (kind == Kind.MAX) {
                    c.f32Max();
                } else if (kind == Kind.LP) {
                    LpPower.pushAbsPower(k, p);
                    c.f32Add();
                } else {
                    c.f32Add();
                }
                c.localSet(acc);
            });
            c.localGet(yp).localGet(acc);
            if (kind == Kind.AVERAGE) {
                walker.pushDivisor();
                c.f32ConvertI32S().f32Div();
            } else if (kind == Kind.LP) {
                LpPower.root(k, p);
            }
            c.f32Store(0);
            if (argmax != null) {
                argmax.store(yp);
            }
        });
    }

    /**
     * The loops over planes and output positions. {@code xBase} is the input's address as the walker
     * counts it (times 4 for byte elements); outputs are {@code outBytes} wide.
     */
    private static void forEachWindow(KernelWriter k, WindowGeometry g, int planes, int xBase, int y, int outBytes,
                                      boolean countPadding, Window window) {
        Code c = k.code();
        int rank = g.rank();
        int[] inStrides = new int[rank];
        int s = 1;
        for (int i = rank - 1; i >= 0; i--) {
            inStrides[i] = s;
            s *= g.input()[i];
        }
        int planeBytes = s * 4;
        TapWalker walker = new TapWalker(k, g, inStrides, null, countPadding);
        int[] pos = new int[rank];
        for (int i = 0; i < rank; i++) {
            pos[i] = k.newI32();
        }
        int yp = k.newI32();
        int xg = k.newI32();
        int xp = k.newI32();
        c.i32Const(y).localSet(yp);
        k.forRange(planes, plane -> {
            c.localGet(plane).i32Const(planeBytes).i32Mul().i32Const(xBase).i32Add().localSet(xg);
            nest(k, g, pos, 0, () -> {
                walker.loadRanges(pos);
                c.localGet(xg);
                walker.pushInputOffset();
                c.i32Add().localSet(xp);
                window.emit(walker, xp, yp);
                Loops.add(c, yp, outBytes);
            });
        });
    }

    private static void nest(KernelWriter k, WindowGeometry g, int[] pos, int i, Runnable body) {
        if (i == g.rank()) {
            body.run();
            return;
        }
        Loops.range(k, pos[i], 0, g.output()[i], () -> nest(k, g, pos, i + 1, body));
    }
}
