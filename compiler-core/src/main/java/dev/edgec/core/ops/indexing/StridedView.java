package dev.edgec.core.ops.indexing;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.TensorType;
import java.nio.ByteBuffer;

/**
 * A static data movement: the output, walked in row-major order over {@code counts}, reads source
 * element {@code start + Σ i[d]·strides[d]} (strides in elements, zero to broadcast, negative to
 * reverse). Slice, Split, Expand, Tile, DepthToSpace and SpaceToDepth are all such views; the same
 * description emits the kernel and computes the result at compile time for constants.
 */
record StridedView(int[] counts, long[] strides, long start) {
    void emitCopy(KernelWriter k, int src, int dst, int bytes) {
        long[] srcBytes = new long[strides.length];
        for (int d = 0; d < strides.length; d++) {
            srcBytes[d] = strides[d] * bytes;
        }
        AffineNest.emit(k, counts, new long[][]{srcBytes, AffineNest.byteStrides(counts, bytes)},
                new long[]{src + start * bytes, dst}, (i, st) -> RawElements.copy(k.code(), st[0], st[1], bytes));
    }

    /** The view of the constant {@code src} as a tensor of {@code outType}. */
    Tensor evaluate(Tensor src, TensorType outType) {
        int bytes = src.dataType().byteSize();
        ByteBuffer in = src.data();
        byte[] out = new byte[(int) outType.byteSize()];
        int total = outType.elementCount();
        int[] index = new int[counts.length];
        for (int n = 0; n < total; n++) {
            long at = start;
            for (int d = 0; d < counts.length; d++) {
                at += index[d] * strides[d];
            }
            in.get((int) (at * bytes), out, n * bytes, bytes);
            for (int d = counts.length - 1; d >= 0; d--) {
                if (++index[d] < counts[d]) {
                    break;
                }
                index[d] = 0;
            }
        }
        return Tensor.of(outType, out);
    }

    /** The identity view of a tensor of {@code dims}. */
    static long[] rowMajor(int[] dims) {
        return AffineNest.byteStrides(dims, 1);
    }
}
