package dev.edgec.core.ops.indexing;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.ir.DataType;
import dev.edgec.wasm.Code;

/**
 * The byte offset that a tuple of run-time indices (the last axis of GatherND/ScatterND indices)
 * selects in a tensor: {@code Σ index[j]·strides[j]}, each index checked against its dimension.
 */
final class IndexTuple {
    private IndexTuple() {
    }

    /**
     * Leaves in local {@code result} the address in local {@code base} plus the offset selected by the
     * {@code dims.length} indices of type {@code it} starting at the address in local {@code tuple}.
     */
    static void emitAddress(KernelWriter k, RuntimeIndex check, DataType it, int tuple, int[] dims, long[] strides,
                            int base, int result) {
        Code c = k.code();
        int one = k.newI32();
        c.localGet(base).localSet(result);
        for (int j = 0; j < dims.length; j++) {
            c.localGet(tuple);
            check.loadChecked(it, j * it.byteSize(), dims[j], one);
            c.localGet(result).localGet(one).i32Const((int) strides[j]).i32Mul().i32Add().localSet(result);
        }
    }
}
