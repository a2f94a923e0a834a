package dev.edgec.core.ops.elementwise;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.ir.DataType;
import dev.edgec.wasm.Code;
import dev.edgec.wasm.ValType;
import java.util.List;

/** Sign (opset 9+): −1, 0 or 1 as (x &gt; 0) − (x &lt; 0); NaN stays NaN, as in ONNX Runtime; unsigned: x ≠ 0. */
final class SignOp extends UnaryElementwiseOp {
    private static final List<DataType> TYPES = NumericTypes.NUMERIC_AND_FLOAT16;

    @Override
    protected List<DataType> types() {
        return TYPES;
    }

    @Override
    protected void emitScalar(OpContext ctx, KernelWriter k, DataType t) {
        Code c = k.code();
        ValType st = KernelWriter.stackType(t);
        int x = k.newLocal(st);
        c.localSet(x);
        boolean unsigned = !t.isSigned() && !t.isFloating();
        switch (st) {
            case F32 -> c.localGet(x).f32Const(0f).f32Gt().localGet(x).f32Const(0f).f32Lt().i32Sub().f32ConvertI32S()
                    .localGet(x).localGet(x).localGet(x).f32Eq().select();
            case F64 -> c.localGet(x).f64Const(0).f64Gt().localGet(x).f64Const(0).f64Lt().i32Sub().f64ConvertI32S()
                    .localGet(x).localGet(x).localGet(x).f64Eq().select();
            case I32 -> {
                if (unsigned) {
                    c.localGet(x).i32Const(0).i32Ne();
                } else {
                    c.localGet(x).i32Const(0).i32GtS().localGet(x).i32Const(0).i32LtS().i32Sub();
                }
            }
            case I64 -> {
                if (unsigned) {
                    c.localGet(x).i64Eqz().i32Eqz().i64ExtendI32U();
                } else {
                    c.localGet(x).i64Const(0).i64GtS().localGet(x).i64Const(0).i64LtS().i32Sub().i64ExtendI32S();
                }
            }
        }
    }
}
