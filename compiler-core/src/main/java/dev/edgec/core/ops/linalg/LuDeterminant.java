package dev.edgec.core.ops.linalg;

import dev.edgec.core.lower.FloatArith;
import dev.edgec.core.lower.KernelWriter;
import dev.edgec.ir.DataType;
import dev.edgec.wasm.Code;

/**
 * Emits determinants of {@code batch} consecutive M×M matrices by LU elimination with partial
 * pivoting, done in place on a scratch copy (the input stays untouched). Row swaps flip the sign;
 * a column whose largest |value| is 0 makes the determinant 0 without dividing by it.
 */
final class LuDeterminant {
    private final KernelWriter k;
    private final Code c;
    private final DataType t;
    private final int m;
    private final int es;
    private final int in;
    private final int out;
    private final int a;

    LuDeterminant(KernelWriter k, DataType t, int m, int in, int out, int scratch) {
        this.k = k;
        this.c = k.code();
        this.t = t;
        this.m = m;
        this.es = t.byteSize();
        this.in = in;
        this.out = out;
        this.a = scratch;
    }

    void emit(int batch) {
        int det = k.newLocal(KernelWriter.stackType(t));
        int best = k.newLocal(KernelWriter.stackType(t));
        int value = k.newLocal(KernelWriter.stackType(t));
        int pivot = k.newLocal(KernelWriter.stackType(t));
        int src = k.newI32();
        int p = k.newI32();
        int r = k.newI32();
        int col = k.newI32();
        int rowJ = k.newI32();
        int rowR = k.newI32();
        k.forRange(batch, b -> {
            c.localGet(b).i32Const(m * m * es).i32Mul().localSet(src);
            k.forRange(m * m, e -> {
                k.pushByteOffset(e, t);
                c.localGet(src);
                k.pushByteOffset(e, t);
                c.i32Add();
                k.load(t, in);
                k.store(t, a);
            });
            FloatArith.of(c, t).constant(1);
            c.localSet(det);
            c.block();
            k.forRange(m, j -> {
                // pivot: the row r >= j with the largest |A[r][j]|, the first one on ties
                c.localGet(j).localSet(p);
                pushElement(j, j);
                k.load(t, a);
                FloatArith.of(c, t).abs();
                c.localSet(best);
                upTo(r, j, () -> {
                    pushElement(r, j);
                    k.load(t, a);
                    FloatArith.of(c, t).abs();
                    c.localTee(value).localGet(best);
                    FloatArith.of(c, t).gt();
                    c.if_();
                    c.localGet(value).localSet(best).localGet(r).localSet(p);
                    c.end();
                });
                c.localGet(best);
                FloatArith.of(c, t).constant(0);
                FloatArith.of(c, t).eq();
                c.if_();
                FloatArith.of(c, t).constant(0);
                c.localSet(det).br(2); // out of the column loop and the block: the matrix is singular
                c.end();
                c.localGet(j).i32Const(m * es).i32Mul().localSet(rowJ);
                c.localGet(p).localGet(j).i32Ne();
                c.if_();
                c.localGet(p).i32Const(m * es).i32Mul().localSet(rowR);
                k.forRange(col, m, () -> swap(rowJ, rowR, col, value));
                c.localGet(det);
                FloatArith.of(c, t).neg();
                c.localSet(det);
                c.end();
                pushAt(rowJ, j);
                k.load(t, a);
                c.localTee(pivot).localGet(det);
                FloatArith.of(c, t).mul();
                c.localSet(det);
                upTo(r, j, () -> {
                    c.localGet(r).i32Const(m * es).i32Mul().localSet(rowR);
                    pushAt(rowR, j);
                    k.load(t, a);
                    c.localGet(pivot);
                    FloatArith.of(c, t).div();
                    c.localSet(value);
                    upTo(col, j, () -> {
                        // A[r][col] -= factor · A[j][col]
                        pushAt(rowR, col);
                        pushAt(rowR, col);
                        k.load(t, a);
                        c.localGet(value);
                        pushAt(rowJ, col);
                        k.load(t, a);
                        FloatArith.of(c, t).mul();
                        FloatArith.of(c, t).sub();
                        k.store(t, a);
                    });
                });
            });
            c.end();
            k.pushByteOffset(b, t);
            c.localGet(det);
            k.store(t, out);
        });
    }

    /** Emits {@code for (var = from + 1; var < m; var++) body} with a run-time start. */
    private void upTo(int var, int from, Runnable body) {
        c.localGet(from).i32Const(1).i32Add().localSet(var);
        c.block().loop();
        c.localGet(var).i32Const(m).i32GeS().brIf(1);
        body.run();
        c.localGet(var).i32Const(1).i32Add().localSet(var);
        c.br(0);
        c.end().end();
    }

    private void swap(int rowJ, int rowR, int col, int tmp) {
        pushAt(rowJ, col);
        k.load(t, a);
        c.localSet(tmp);
        pushAt(rowJ, col);
        pushAt(rowR, col);
        k.load(t, a);
        k.store(t, a);
        pushAt(rowR, col);
        c.localGet(tmp);
        k.store(t, a);
    }

    /** Pushes the byte offset (from the scratch base) of A[r][col], r and col in locals. */
    private void pushElement(int r, int col) {
        c.localGet(r).i32Const(m * es).i32Mul();
        k.pushByteOffset(col, t);
        c.i32Add();
    }

    /** Pushes the byte offset of A[row][col] where {@code rowOffset} holds row·M·elementSize. */
    private void pushAt(int rowOffset, int col) {
        c.localGet(rowOffset);
        k.pushByteOffset(col, t);
        c.i32Add();
    }
}
