package dev.edgec.core.ops.elementwise;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.ir.DataType;
import dev.edgec.wasm.Code;
import dev.edgec.wasm.ValType;
import java.util.List;

/** ThresholdedRelu (opset 10+): x where x &gt; alpha (default 1), else 0. */
final class ThresholdedReluOp extends UnaryElementwiseOp {
    @Override
    protected List<DataType> types() {
        return List.of(DataType.FLOAT32, DataType.FLOAT64, DataType.FLOAT16);
    }

    @Override
    protected void readAttributes(OpContext ctx) {
        ctx.attrs().getFloat("alpha", 1f);
    }

    @Override
    protected void emitScalar(OpContext ctx, KernelWriter k, DataType t) {
        float alpha = ctx.attrs().getFloat("alpha", 1f);
        Code c = k.code();
        ValType st = KernelWriter.stackType(t);
        int x = k.newLocal(st);
        if (st == ValType.F64) {
            c.localTee(x).f64Const(0).localGet(x).f64Const(alpha).f64Gt().select();
        } else {
            c.localTee(x).f32Const(0f).localGet(x).f32Const(alpha).f32Gt().select();
        }
    }
}
