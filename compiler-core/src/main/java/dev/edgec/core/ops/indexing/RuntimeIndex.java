package dev.edgec.core.ops.indexing;

import dev.edgec.core.abi.RunStatus;
import dev.edgec.core.lower.KernelWriter;
import dev.edgec.ir.DataType;
import dev.edgec.ir.InvalidModelException;
import dev.edgec.wasm.Code;
import dev.edgec.wasm.ValType;

/**
 * Reads an index computed at run time and checks it: a negative index counts from the end once (as
 * the ONNX spec says), anything still outside {@code [0, dim)} makes {@code run()} stop with
 * {@link RunStatus#INDEX_OUT_OF_RANGE} rather than read or write outside the tensor.
 */
final class RuntimeIndex {
    private final KernelWriter k;
    private final int wide;

    RuntimeIndex(KernelWriter k) {
        this.k = k;
        this.wide = k.newLocal(ValType.I64);
    }

    /** Index inputs must be int32 or int64. */
    static void checkIndexType(DataType t, String where, java.util.function.Function<String, InvalidModelException> error) {
        if (t != DataType.INT32 && t != DataType.INT64) {
            throw error.apply(where + " must be int32 or int64, got " + t.signatureName());
        }
    }

    /**
     * Loads the index of type {@code t} at the address on the stack (plus {@code offset}), checks it
     * against {@code dim} and leaves it, wrapped and in range, in the i32 local {@code result}.
     */
    void loadChecked(DataType t, int offset, long dim, int result) {
        loadChecked(t, offset, dim, result, true);
    }

    /** As {@link #loadChecked(DataType, int, long, int)}; without {@code wrapNegative} a negative value fails. */
    void loadChecked(DataType t, int offset, long dim, int result, boolean wrapNegative) {
        Code c = k.code();
        if (t == DataType.INT64) {
            c.i64Load(offset);
        } else {
            c.i32Load(offset).i64ExtendI32S();
        }
        c.localSet(wide);
        if (wrapNegative) {
            c.localGet(wide).i64Const(0).i64LtS().if_();
            c.localGet(wide).i64Const(dim).i64Add().localSet(wide);
            c.end();
        }
        // unsigned: a still-negative index is huge and fails the same test
        c.localGet(wide).i64Const(dim).i64GeU().if_();
        k.fail(RunStatus.INDEX_OUT_OF_RANGE);
        c.end();
        c.localGet(wide).i32WrapI64().localSet(result);
    }
}
