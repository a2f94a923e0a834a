package dev.edgec.core.ops.elementwise;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.ir.DataType;
import dev.edgec.ir.TensorType;
import dev.edgec.wasm.Code;
import dev.edgec.wasm.ValType;
import java.util.List;

/** PRelu: x where x ≥ 0, slope·x below; slope broadcasts to x's shape (unidirectionally). */
final class PReluOp extends BinaryElementwiseOp {
    @Override
    protected List<DataType> types() {
        return List.of(DataType.FLOAT32, DataType.FLOAT64, DataType.INT32, DataType.INT64);
    }

    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        List<TensorType> out = super.inferTypes(ctx);
        if (!out.get(0).shape().equals(ctx.inputType(0).shape())) {
            throw ctx.error("slope shape " + ctx.inputType(1).shape() + " does not broadcast to X's shape "
                    + ctx.inputType(0).shape());
        }
        return out;
    }

    @Override
    protected void emitScalar(OpContext ctx, KernelWriter k, DataType t) {
        Code c = k.code();
        ValType st = KernelWriter.stackType(t);
        int x = k.newLocal(st);
        int s = k.newLocal(st);
        c.localSet(s).localSet(x);
        c.localGet(x).localGet(s);
        switch (st) {
            case F32 -> c.f32Mul().localGet(x).localGet(x).f32Const(0f).f32Lt();
            case F64 -> c.f64Mul().localGet(x).localGet(x).f64Const(0).f64Lt();
            case I32 -> c.i32Mul().localGet(x).localGet(x).i32Const(0).i32LtS();
            case I64 -> c.i64Mul().localGet(x).localGet(x).i64Const(0).i64LtS();
        }
        c.select();
    }
}
