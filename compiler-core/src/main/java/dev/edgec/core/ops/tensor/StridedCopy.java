package dev.edgec.core.ops.tensor;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.wasm.Code;
import java.util.ArrayList;
import java.util.List;

/**
 * Emits the copy of a strided box of bytes: for every index tuple {@code i} over {@code counts}, the
 * {@code blockBytes} bytes at {@code src + Σ i[d]·srcStrides[d]} go to {@code dst + Σ i[d]·dstStrides[d]}.
 * Dimensions of size 1 are dropped, adjacent dimensions contiguous in both source and destination are
 * merged, and a contiguous innermost dimension becomes part of the block, so a plain copy is one
 * block and Transpose, Concat and Pad get the shallowest loop nest their layout allows.
 */
final class StridedCopy {
    /** Blocks up to this size are copied by straight-line code; longer ones by a loop of 8-byte words. */
    private static final int UNROLL_BYTES = 64;

    private StridedCopy() {
    }

    static void emit(KernelWriter k, int src, int dst, int[] counts, long[] srcStrides, long[] dstStrides, long blockBytes) {
        List<long[]> dims = new ArrayList<>(); // {count, srcStride, dstStride}
        for (int d = 0; d < counts.length; d++) {
            if (counts[d] == 0) {
                return;
            }
            if (counts[d] == 1) {
                continue;
            }
            long[] cur = {counts[d], srcStrides[d], dstStrides[d]};
            if (!dims.isEmpty()) {
                long[] prev = dims.get(dims.size() - 1);
                if (prev[1] == cur[1] * cur[0] && prev[2] == cur[2] * cur[0]) {
                    dims.set(dims.size() - 1, new long[]{prev[0] * cur[0], cur[1], cur[2]});
                    continue;
                }
            }
            dims.add(cur);
        }
        if (blockBytes == 0) {
            return;
        }
        if (!dims.isEmpty()) {
            long[] last = dims.get(dims.size() - 1);
            if (last[1] == blockBytes && last[2] == blockBytes) {
                blockBytes *= last[0];
                dims.remove(dims.size() - 1);
            }
        }
        Code c = k.code();
        int s = k.newI32();
        int d = k.newI32();
        c.i32Const(0).localSet(s).i32Const(0).localSet(d);
        nest(k, 0, dims, s, d, src, dst, blockBytes);
    }

    private static void nest(KernelWriter k, int level, List<long[]> dims, int s, int d, int src, int dst, long block) {
        if (level == dims.size()) {
            copyBlock(k, s, d, src, dst, block);
            return;
        }
        Code c = k.code();
        long[] dim = dims.get(level);
        boolean innermost = level == dims.size() - 1;
        long[] inner = innermost ? null : dims.get(level + 1);
        k.forRange((int) dim[0], i -> {
            nest(k, level + 1, dims, s, d, src, dst, block);
            // advance by this level's stride, undoing what the inner level advanced
            long ds = dim[1] - (innermost ? 0 : inner[0] * inner[1]);
            long dd = dim[2] - (innermost ? 0 : inner[0] * inner[2]);
            if (ds != 0) {
                c.localGet(s).i32Const((int) ds).i32Add().localSet(s);
            }
            if (dd != 0) {
                c.localGet(d).i32Const((int) dd).i32Add().localSet(d);
            }
        });
    }

    /** Copies {@code bytes} bytes from {@code src + local s} to {@code dst + local d}. */
    static void copyBlock(KernelWriter k, int s, int d, int src, int dst, long bytes) {
        Code c = k.code();
        long done = 0;
        if (bytes > UNROLL_BYTES) {
            long words = bytes / 8;
            int j = k.newI32();
            c.i32Const(0).localSet(j);
            c.loop();
            c.localGet(d).localGet(j).i32Add();
            c.localGet(s).localGet(j).i32Add().i64Load(src);
            c.i64Store(dst);
            c.localGet(j).i32Const(8).i32Add().localTee(j).i32Const((int) (words * 8)).i32LtU().brIf(0);
            c.end();
            done = words * 8;
        }
        while (done < bytes) {
            long left = bytes - done;
            int off = (int) done;
            c.localGet(d).localGet(s);
            if (left >= 8) {
                c.i64Load(src + off).i64Store(dst + off);
                done += 8;
            } else if (left >= 4) {
                c.i32Load(src + off).i32Store(dst + off);
                done += 4;
            } else if (left >= 2) {
                c.i32Load16U(src + off).i32Store16(dst + off);
                done += 2;
            } else {
                c.i32Load8U(src + off).i32Store8(dst + off);
                done += 1;
            }
        }
    }

    /** Copies a whole contiguous tensor. */
    static void contiguous(KernelWriter k, int src, int dst, long bytes) {
        emit(k, src, dst, new int[0], new long[0], new long[0], bytes);
    }
}
