package dev.edgec.core.lower;

import dev.edgec.ir.Shape;
import dev.edgec.wasm.Code;
import java.util.ArrayList;
import java.util.List;

/**
 * Emits the loop nest of an elementwise operation with numpy broadcasting. Adjacent dimensions that
 * broadcast the same way in every input are merged first, so equal shapes become one flat loop and a
 * per-channel bias becomes three. Element indices advance by strides (0 along broadcast dimensions)
 * instead of being recomputed, so the body costs one add per input.
 */
public final class BroadcastLoop {
    /** Emits the computation of one output element; locals hold element indices (not bytes). */
    @FunctionalInterface
    public interface Body {
        void emit(int[] inputIndexLocals, int outputIndexLocal);
    }

    private BroadcastLoop() {
    }

    public static void emit(KernelWriter k, Shape out, List<Shape> inputs, Body body) {
        int rank = out.rank();
        int m = inputs.size();
        // strides[input][dim] in elements, aligned to the output's trailing dimensions.
        long[][] st = new long[m][rank];
        for (int j = 0; j < m; j++) {
            Shape s = inputs.get(j);
            int[] own = s.strides();
            int offset = rank - s.rank();
            for (int d = 0; d < rank; d++) {
                int sd = d - offset;
                st[j][d] = sd < 0 || s.dim(sd) == 1 ? 0 : own[sd];
            }
        }
        // merge dimension d into d-1 when every input is contiguous across them
        List<Long> mergedDims = new ArrayList<>();
        List<long[]> mergedStrides = new ArrayList<>();
        for (int d = 0; d < rank; d++) {
            long size = out.dim(d);
            if (size == 1) {
                continue;
            }
            long[] s = new long[m];
            for (int j = 0; j < m; j++) {
                s[j] = st[j][d];
            }
            if (!mergedDims.isEmpty()) {
                int last = mergedDims.size() - 1;
                long[] prev = mergedStrides.get(last);
                boolean merge = true;
                for (int j = 0; j < m; j++) {
                    if (prev[j] != s[j] * size) {
                        merge = false;
                        break;
                    }
                }
                if (merge) {
                    mergedDims.set(last, mergedDims.get(last) * size);
                    mergedStrides.set(last, s);
                    continue;
                }
            }
            mergedDims.add(size);
            mergedStrides.add(s);
        }

        Code c = k.code();
        int[] idx = new int[m];
        for (int j = 0; j < m; j++) {
            idx[j] = k.newI32();
            c.i32Const(0).localSet(idx[j]);
        }
        int o = k.newI32();
        c.i32Const(0).localSet(o);
        if (out.elementCount() == 0) {
            return;
        }
        if (mergedDims.isEmpty()) {
            body.emit(idx, o);
            return;
        }
        nest(k, 0, mergedDims, mergedStrides, idx, o, body);
    }

    private static void nest(KernelWriter k, int level, List<Long> dims, List<long[]> strides, int[] idx, int o, Body body) {
        Code c = k.code();
        int count = (int) (long) dims.get(level);
        boolean innermost = level == dims.size() - 1;
        k.forRange(count, i -> {
            if (innermost) {
                body.emit(idx, o);
                c.localGet(o).i32Const(1).i32Add().localSet(o);
            } else {
                nest(k, level + 1, dims, strides, idx, o, body);
            }
            // advance each input by this level's stride, undoing what the inner level advanced
            for (int j = 0; j < idx.length; j++) {
                long innerAdvance = innermost ? 0 : dims.get(level + 1) * strides.get(level + 1)[j];
                long delta = strides.get(level)[j] - innerAdvance;
                if (delta != 0) {
                    c.localGet(idx[j]).i32Const((int) delta).i32Add().localSet(idx[j]);
                }
            }
        });
    }
}
