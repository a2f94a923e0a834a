package dev.edgec.core.ops.nn;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.wasm.Code;

/**
 * Emits MaxPool's Indices output beside its max: the kernel remembers the address of the first tap
 * holding the window's maximum, and each output's index is that element's position in the flattened
 * N x C x spatial input (padding not counted), with the spatial part row-major ({@code storage_order}
 * 0) or column-major (1), as ONNX Runtime computes it. One difference: where every tap of a window
 * holds the type's lowest value (-∞, -128 or 0 for uint8), ONNX Runtime finds no larger value and reports
 * position (-1, ..., -1) of the plane; edgec reports the first tap, which does hold the maximum.
 */
final class PoolIndices {
    /** Where the int64 Indices tensor goes and in which order its spatial part is counted. */
    record Target(int address, boolean columnMajor) {
    }

    private final KernelWriter k;
    private final WindowGeometry g;
    private final Target target;
    private final int xBase;
    private final int yBase;
    private final int yShift;
    private final int best;
    private final int rest;
    private final int index;

    /**
     * @param xBase the input's address as the tap walker counts it: taps are 4 bytes apart
     * @param yBase the address of output Y, whose elements are {@code 1 << (3 - yShift)} bytes wide
     */
    PoolIndices(KernelWriter k, WindowGeometry g, Target target, int xBase, int yBase, int yShift) {
        this.k = k;
        this.g = g;
        this.target = target;
        this.xBase = xBase;
        this.yBase = yBase;
        this.yShift = yShift;
        this.best = k.newI32();
        this.rest = k.newI32();
        this.index = k.newI32();
    }

    /** Starts a window: until a larger value is seen the index is its first valid tap ({@code xp}). */
    void start(int xp) {
        k.code().localGet(xp).localSet(best);
    }

    /** Consumes an i32 condition (the tap's value is larger than the maximum so far): if true, tap {@code xa} becomes the index. */
    void takeIf(int xa) {
        k.code().if_().localGet(xa).localSet(best).end();
    }

    /** Stores the index of the window whose Y element is at the address in local {@code yp}. */
    void store(int yp) {
        Code c = k.code();
        c.localGet(yp).i32Const(yBase).i32Sub().i32Const(yShift).i32Shl();
        c.localGet(best).i32Const(xBase).i32Sub().i32Const(2).i32ShrU();
        if (target.columnMajor() && g.rank() > 1) {
            toColumnMajor(c);
        }
        c.i64ExtendI32U().i64Store(target.address());
    }

    /** Replaces the row-major flat index on the stack by the one whose spatial part counts column-major. */
    private void toColumnMajor(Code c) {
        int[] in = g.input();
        int plane = 1;
        for (int d : in) {
            plane *= d;
        }
        c.localTee(rest).i32Const(plane).i32DivU().i32Const(plane).i32Mul().localSet(index);
        c.localGet(rest).i32Const(plane).i32RemU().localSet(rest);
        // Peel coordinates from the last (fastest in row-major) dimension; its column-major stride is the
        // product of the sizes before it.
        for (int i = in.length - 1; i >= 0; i--) {
            int stride = 1;
            for (int j = 0; j < i; j++) {
                stride *= in[j];
            }
            c.localGet(index).localGet(rest);
            if (i > 0) {
                c.i32Const(in[i]).i32RemU();
            }
            c.i32Const(stride).i32Mul().i32Add().localSet(index);
            if (i > 0) {
                c.localGet(rest).i32Const(in[i]).i32DivU().localSet(rest);
            }
        }
        c.localGet(index);
    }
}
