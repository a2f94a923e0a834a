package dev.edgec.core.ops.elementwise;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.ir.DataType;
import dev.edgec.wasm.Code;
import dev.edgec.wasm.ValType;
import java.util.List;

/**
 * Shrink (opset 9+): x + bias below −lambd, x − bias above lambd, 0 between (lambd 0.5, bias 0 by
 * default). Float types only: the conformance tests use float32, and for integers ONNX leaves the
 * rounding of the float attributes unspecified.
 */
final class ShrinkOp extends UnaryElementwiseOp {
    @Override
    protected List<DataType> types() {
        return List.of(DataType.FLOAT32, DataType.FLOAT64, DataType.FLOAT16);
    }

    @Override
    protected void readAttributes(OpContext ctx) {
        ctx.attrs().getFloat("lambd", 0.5f);
        ctx.attrs().getFloat("bias", 0f);
    }

    @Override
    protected void emitScalar(OpContext ctx, KernelWriter k, DataType t) {
        float lambd = ctx.attrs().getFloat("lambd", 0.5f);
        float bias = ctx.attrs().getFloat("bias", 0f);
        Code c = k.code();
        ValType st = KernelWriter.stackType(t);
        int x = k.newLocal(st);
        c.localSet(x);
        if (st == ValType.F64) {
            // [x + bias, (x - bias if x > lambd else 0), x < -lambd] → select
            c.localGet(x).f64Const(bias).f64Add();
            c.localGet(x).f64Const(bias).f64Sub().f64Const(0).localGet(x).f64Const(lambd).f64Gt().select();
            c.localGet(x).f64Const(-lambd).f64Lt().select();
        } else {
            c.localGet(x).f32Const(bias).f32Add();
            c.localGet(x).f32Const(bias).f32Sub().f32Const(0f).localGet(x).f32Const(lambd).f32Gt().select();
            c.localGet(x).f32Const(-lambd).f32Lt().select();
        }
    }
}
