package dev.edgec.core.ops.elementwise;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.TensorType;
import dev.edgec.wasm.Code;
import dev.edgec.wasm.ValType;
import java.util.List;

/**
 * PRelu: x where x ≥ 0, slope·x below; slope broadcasts to x's shape (unidirectionally). Opset 6 had
 * no broadcasting rule but a per-channel slope: a slope of one element is shared, and a 1-D slope of
 * x's channel count (dimension 1) applies per channel, as exported by PyTorch.
 */
final class PReluOp extends BinaryElementwiseOp {
    @Override
    protected List<DataType> types() {
        return List.of(DataType.FLOAT32, DataType.FLOAT64, DataType.INT32, DataType.INT64);
    }

    @Override
    protected Shape secondInputShape(OpContext ctx) {
        Shape slope = ctx.inputType(1).shape();
        Shape x = ctx.inputType(0).shape();
        if (ctx.opset() >= 7) {
            return slope;
        }
        if (slope.elementCount() == 1) {
            return Shape.scalar();
        }
        if (slope.rank() == 1 && x.rank() >= 2 && slope.dim(0) == x.dim(1)) {
            int[] dims = new int[x.rank()];
            java.util.Arrays.fill(dims, 1);
            dims[1] = slope.dim(0);
            return Shape.of(dims);
        }
        return slope;
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
