package dev.edgec.core.ops.quant;

import dev.edgec.core.lower.BroadcastLoop;
import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.linalg.MatMulOp;
import dev.edgec.ir.DataType;
import dev.edgec.wasm.Code;
import java.util.List;

/**
 * Emits an integer matmul with numpy batch broadcasting: {@code acc = Σ (a - a_zp)(b - b_zp[col])}
 * in i32, then the {@link AccumulatorSink} decides the stored value (raw i32, or requantized with the
 * column as channel). The inner loop is integer only.
 */
final class IntegerMatMul {
    private IntegerMatMul() {
    }

    static void emit(KernelWriter k, MatMulOp.Geometry g, int a, DataType at, ZeroPoint aZp, int b, DataType bt,
                     ZeroPoint bZp, int y, DataType yt, AccumulatorSink sink) {
        Code c = k.code();
        int m = g.m();
        int kk = g.k();
        int n = g.n();
        int as = at.byteSize();
        int bs = bt.byteSize();
        int aRow = k.newI32();
        int bCol = k.newI32();
        int ap = k.newI32();
        int bp = k.newI32();
        int yPtr = k.newI32();
        int acc = k.newI32();
        int za = k.newI32();
        int zb = k.newI32();
        aZp.load(k, -1, za);
        BroadcastLoop.emit(k, g.outBatch(), List.of(g.aBatch(), g.bBatch()), (idx, o) -> {
            c.localGet(idx[0]).i32Const(m * kk * as).i32Mul().localSet(aRow);
            c.localGet(o).i32Const(m * n * yt.byteSize()).i32Mul().localSet(yPtr);
            k.forRange(m, row -> {
                c.localGet(idx[1]).i32Const(kk * n * bs).i32Mul().localSet(bCol);
                k.forRange(n, col -> {
                    bZp.load(k, col, zb);
                    c.i32Const(0).localSet(acc);
                    c.localGet(aRow).localSet(ap);
                    c.localGet(bCol).localSet(bp);
                    k.forRange(kk, i -> {
                        c.localGet(acc);
                        c.localGet(ap);
                        k.load(at, a);
                        c.localGet(za).i32Sub();
                        c.localGet(bp);
                        k.load(bt, b);
                        c.localGet(zb).i32Sub();
                        c.i32Mul().i32Add().localSet(acc);
                        c.localGet(ap).i32Const(as).i32Add().localSet(ap);
                        c.localGet(bp).i32Const(n * bs).i32Add().localSet(bp);
                    });
                    c.localGet(yPtr);
                    sink.push(acc, col);
                    k.store(yt, y);
                    c.localGet(yPtr).i32Const(yt.byteSize()).i32Add().localSet(yPtr);
                    c.localGet(bCol).i32Const(bs).i32Add().localSet(bCol);
                });
                c.localGet(aRow).i32Const(kk * as).i32Add().localSet(aRow);
            });
        });
    }
}
