package dev.edgec.core.ops.elementwise;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.ir.DataType;
import java.util.List;

/** Relu: max(x, 0). */
final class ReluOp extends UnaryElementwiseOp {
    @Override
    protected List<DataType> types() {
        return List.of(DataType.FLOAT32, DataType.FLOAT64, DataType.INT32, DataType.INT64, DataType.INT8);
    }

    @Override
    protected void emitScalar(OpContext ctx, KernelWriter k, DataType t) {
        var c = k.code();
        switch (KernelWriter.stackType(t)) {
            case F32 -> c.f32Const(0f).f32Max();
            case F64 -> c.f64Const(0).f64Max();
            case I32 -> {
                int v = k.newI32();
                c.localTee(v).i32Const(0).localGet(v).i32Const(0).i32GtS().select();
            }
            case I64 -> {
                int v = k.newLocal(dev.edgec.wasm.ValType.I64);
                c.localTee(v).i64Const(0).localGet(v).i64Const(0).i64GtS().select();
            }
        }
    }

    /** Small constants fold (shape arithmetic, a trip count computed at import). */
    @Override
    public java.util.Optional<List<dev.edgec.ir.Tensor>> evaluate(OpContext ctx) {
        return dev.edgec.core.ops.ConstantFolding.unary(ctx, inferTypes(ctx).get(0), x -> x > 0 || Double.isNaN(x) ? x : 0.0, x -> Math.max(x, 0));
    }
}
