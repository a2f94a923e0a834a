package dev.edgec.core.ops.text;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.wasm.Code;
import java.util.Arrays;

/**
 * Emits the TfIdfVectorizer kernel: per input row, every n-gram of each counted length and skip is
 * compared with the pool entries of that length (pool items and output byte offsets are constant
 * tables), each match adding 1 to its output column; then IDF and TFIDF weigh the counts column by
 * column. Rows never share n-grams, and 1-grams are counted once whatever the skip.
 */
final class NgramCountKernel {
    private final KernelWriter k;
    private final Code c;
    private final NgramPool pool;
    private final DataType xType;
    private final int rowLength;
    private final int tokens;
    private final int offsets;
    private final int xRow;
    private final int yRow;
    private final int distance;
    private final int start;
    private final int end;
    private final int item;
    private final int entry;
    private final int target;

    private NgramCountKernel(KernelWriter k, NgramPool pool, DataType xType, int rowLength) {
        this.k = k;
        this.c = k.code();
        this.pool = pool;
        this.xType = xType;
        this.rowLength = rowLength;
        tokens = k.constantData(Tensor.ofLongs(DataType.INT64, Shape.of(pool.tokens().length), pool.tokens()));
        long[] bytes = new long[pool.columns().length];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = pool.columns()[i] * 4L;
        }
        offsets = k.constantData(Tensor.ofLongs(DataType.INT32, Shape.of(bytes.length), bytes));
        xRow = k.newI32();
        yRow = k.newI32();
        distance = k.newI32();
        start = k.newI32();
        end = k.newI32();
        item = k.newI32();
        entry = k.newI32();
        target = k.newI32();
    }

    /**
     * @param x address of the int32 or int64 input, {@code rows} rows of {@code rowLength} tokens
     * @param y address of the float32 output, {@code rows} rows of {@code pool.width()} columns
     */
    static void emit(KernelWriter k, NgramPool pool, DataType xType, int x, int y, int rows, int rowLength) {
        new NgramCountKernel(k, pool, xType, rowLength).emit(x, y, rows);
    }

    private void emit(int x, int y, int rows) {
        int width = pool.width();
        k.forRange(rows * width, i -> c.localGet(i).i32Const(2).i32Shl().f32Const(0f).f32Store(y));
        if (rowLength == 0) {
            return;
        }
        int eb = xType.byteSize();
        k.forRange(rows, row -> {
            c.localGet(row).i32Const(rowLength * eb).i32Mul().i32Const(x).i32Add().localSet(xRow);
            c.localGet(row).i32Const(width * 4).i32Mul().i32Const(y).i32Add().localSet(yRow);
            for (NgramPool.Group g : pool.groups()) {
                if (pool.counts(g)) {
                    countGroup(g);
                }
            }
            weigh();
        });
    }

    /**
     * For each skip (the distance between items goes from 1 to maxSkip + 1 tokens; 1-grams only
     * once) and each start whose last item is in the row, compares the n-gram with each entry.
     */
    private void countGroup(NgramPool.Group g) {
        int eb = xType.byteSize();
        int n = g.length();
        int maxDistance = (n == 1 ? 1 : pool.maxSkip() + 1) * eb;
        c.i32Const(eb).localSet(distance);
        c.block().loop();
        // end = first start whose last item would lie past the row: xRow + rowLength·eb - (n - 1)·distance
        c.localGet(xRow).i32Const(rowLength * eb).i32Add();
        if (n > 1) {
            c.localGet(distance).i32Const(n - 1).i32Mul().i32Sub();
        }
        c.localTee(end).localGet(xRow).i32LeS().brIf(1);
        c.localGet(xRow).localSet(start);
        c.loop();
        c.i32Const(tokens + g.firstToken() * 8).localSet(entry);
        k.forRange(g.entries(), j -> {
            c.block();
            c.localGet(start).localSet(item);
            for (int t = 0; t < n; t++) {
                if (t > 0) {
                    c.localGet(item).localGet(distance).i32Add().localSet(item);
                }
                c.localGet(item);
                if (xType == DataType.INT32) {
                    c.i32Load(0).i64ExtendI32S();
                } else {
                    c.i64Load(0);
                }
                c.localGet(entry).i64Load(t * 8).i64Ne().brIf(0);
            }
            c.localGet(yRow).localGet(j).i32Const(2).i32Shl().i32Load(offsets + g.firstEntry() * 4).i32Add().localTee(target);
            c.localGet(target).f32Load(0).f32Const(1f).f32Add().f32Store(0);
            c.end();
            c.localGet(entry).i32Const(n * 8).i32Add().localSet(entry);
        });
        c.localGet(start).i32Const(eb).i32Add().localTee(start).localGet(end).i32LtS().brIf(0);
        c.end();
        c.localGet(distance).i32Const(eb).i32Add().localTee(distance).i32Const(maxDistance).i32LeS().brIf(0);
        c.end().end();
    }

    /**
     * IDF: the weight where the count is not 0; TFIDF: the count times the weight; TF leaves counts.
     * Column c takes weights[c], as in ONNX Runtime and the ONNX reference implementation.
     */
    private void weigh() {
        NgramPool.Mode mode = pool.mode();
        if (mode == NgramPool.Mode.TF || mode == NgramPool.Mode.TFIDF && pool.weights() == null) {
            return;
        }
        int width = pool.width();
        float[] w = pool.weights() == null ? null : Arrays.copyOf(pool.weights(), width);
        int weights = w == null ? -1 : k.constantData(Tensor.ofFloats(Shape.of(width), w));
        k.forRange(width, i -> {
            c.localGet(i).i32Const(2).i32Shl().localGet(yRow).i32Add().localTee(target);
            if (w == null) {
                c.f32Const(1f);
            } else {
                c.localGet(i).i32Const(2).i32Shl().f32Load(weights);
            }
            if (mode == NgramPool.Mode.IDF) {
                c.f32Const(0f).localGet(target).f32Load(0).f32Const(0f).f32Ne().select();
            } else {
                c.localGet(target).f32Load(0).f32Mul();
            }
            c.f32Store(0);
        });
    }
}
