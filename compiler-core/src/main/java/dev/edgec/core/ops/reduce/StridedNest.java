package dev.edgec.core.ops.reduce;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.wasm.Code;

/**
 * Emits a loop nest that walks a byte-offset local over a strided box of elements: the body runs once
 * per element with the local at that element, and each level advances it by a constant (its stride
 * minus what the inner level advanced) rather than recomputing it from indices.
 */
final class StridedNest {
    private StridedNest() {
    }

    /** Walks {@code ptr} (already set to the first element) over dims × byteStrides, outermost first. */
    static void emit(KernelWriter k, int[] dims, int[] byteStrides, int ptr, Runnable body) {
        for (int d : dims) {
            if (d == 0) {
                return;
            }
        }
        if (dims.length == 0) {
            body.run();
            return;
        }
        level(k, 0, dims, byteStrides, ptr, body);
    }

    private static void level(KernelWriter k, int l, int[] dims, int[] strides, int ptr, Runnable body) {
        Code c = k.code();
        boolean innermost = l == dims.length - 1;
        k.forRange(dims[l], i -> {
            if (innermost) {
                body.run();
            } else {
                level(k, l + 1, dims, strides, ptr, body);
            }
            int delta = strides[l] - (innermost ? 0 : dims[l + 1] * strides[l + 1]);
            if (delta != 0) {
                c.localGet(ptr).i32Const(delta).i32Add().localSet(ptr);
            }
        });
    }
}
