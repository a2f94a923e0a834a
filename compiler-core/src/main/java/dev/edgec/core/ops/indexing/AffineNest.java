package dev.edgec.core.ops.indexing;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.wasm.Code;

/**
 * Emits a loop nest over a static box of indices that keeps several byte addresses ("streams")
 * affine in the loop indices: stream {@code s} is {@code starts[s] + Σ i[d]·strides[s][d]}. Strides
 * may be zero (broadcast) or negative (reversed slices). The body sees the loop index locals and the
 * stream locals, which hold absolute addresses, so it loads and stores with a zero memarg offset.
 */
final class AffineNest {
    /** What runs at each point of the box. */
    interface Body {
        void emit(int[] indexLocals, int[] streamLocals);
    }

    private AffineNest() {
    }

    static void emit(KernelWriter k, int[] counts, long[][] strides, long[] starts, Body body) {
        for (int n : counts) {
            if (n == 0) {
                return;
            }
        }
        Code c = k.code();
        int[] streams = new int[starts.length];
        for (int s = 0; s < starts.length; s++) {
            streams[s] = k.newI32();
            c.i32Const((int) starts[s]).localSet(streams[s]);
        }
        int[] indices = new int[counts.length];
        nest(k, 0, counts, strides, indices, streams, body);
    }

    private static void nest(KernelWriter k, int level, int[] counts, long[][] strides, int[] indices, int[] streams, Body body) {
        if (level == counts.length) {
            body.emit(indices, streams);
            return;
        }
        Code c = k.code();
        indices[level] = k.newI32();
        boolean innermost = level == counts.length - 1;
        k.forRange(indices[level], counts[level], () -> {
            nest(k, level + 1, counts, strides, indices, streams, body);
            for (int s = 0; s < streams.length; s++) {
                // the inner loop advanced this stream by count·stride: undo that, then take this level's step
                long delta = strides[s][level] - (innermost ? 0 : counts[level + 1] * strides[s][level + 1]);
                if (delta != 0) {
                    c.localGet(streams[s]).i32Const((int) delta).i32Add().localSet(streams[s]);
                }
            }
        });
    }

    /** Byte strides of a row-major tensor of {@code dims} with elements of {@code elementBytes}. */
    static long[] byteStrides(int[] dims, int elementBytes) {
        long[] s = new long[dims.length];
        long acc = elementBytes;
        for (int d = dims.length - 1; d >= 0; d--) {
            s[d] = acc;
            acc *= dims[d];
        }
        return s;
    }
}
