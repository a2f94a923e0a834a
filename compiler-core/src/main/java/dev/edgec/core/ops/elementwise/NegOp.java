package dev.edgec.core.ops.elementwise;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.ConstantFolding;
import dev.edgec.core.ops.OpContext;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Tensor;
import dev.edgec.wasm.Code;
import dev.edgec.wasm.ValType;
import java.util.List;
import java.util.Optional;

/** Neg: -x (integers wrap). */
final class NegOp extends UnaryElementwiseOp {
    @Override
    protected List<DataType> types() {
        return NumericTypes.SIGNED;
    }

    @Override
    protected void emitScalar(OpContext ctx, KernelWriter k, DataType t) {
        Code c = k.code();
        switch (KernelWriter.stackType(t)) {
            case F32 -> c.f32Neg();
            case F64 -> c.f64Neg();
            case I32 -> {
                int x = k.newI32();
                c.localSet(x).i32Const(0).localGet(x).i32Sub();
            }
            case I64 -> {
                int x = k.newLocal(ValType.I64);
                c.localSet(x).i64Const(0).localGet(x).i64Sub();
            }
        }
    }

    /** Small constants fold at import, e.g. the negated axis the expanded LayerNormalization feeds ConstantOfShape. */
    @Override
    public Optional<List<Tensor>> evaluate(OpContext ctx) {
        return ConstantFolding.unary(ctx, inferTypes(ctx).get(0), x -> -x, x -> -x);
    }
}
