package dev.edgec.core.ops.quant;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.core.ops.Operator;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.TensorType;
import dev.edgec.wasm.Code;
import dev.edgec.wasm.ValType;
import java.util.List;

/**
 * DynamicQuantizeLinear (opset 11): quantizes float32 {@code x} to uint8 with a scale and zero point
 * computed from its range widened to include 0: {@code scale = (max - min) / 255} (1 when the range is
 * empty, as ONNX Runtime does), {@code zero_point = roundHalfEven(clamp(-min / scale, 0, 255))}, then
 * QuantizeLinear. All of it is float32 arithmetic, in ONNX Runtime's order, so results are exact.
 */
final class DynamicQuantizeLinearOp implements Operator {
    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        ctx.expectInputs(1, 1);
        ctx.expectType(0, List.of(DataType.FLOAT32));
        return List.of(new TensorType(DataType.UINT8, ctx.inputType(0).shape()),
                new TensorType(DataType.FLOAT32, Shape.scalar()), new TensorType(DataType.UINT8, Shape.scalar()));
    }

    @Override
    public void lower(OpContext ctx, KernelWriter k) {
        int n = ctx.inputType(0).elementCount();
        int x = k.address(ctx.inputName(0));
        int y = k.address(ctx.outputName(0));
        int scaleOut = k.address(ctx.outputName(1));
        int zpOut = k.address(ctx.outputName(2));
        Code c = k.code();
        int min = k.newLocal(ValType.F32);
        int max = k.newLocal(ValType.F32);
        int v = k.newLocal(ValType.F32);
        int scale = k.newLocal(ValType.F32);
        int zp = k.newLocal(ValType.F32);
        c.f32Const(0f).localSet(min).f32Const(0f).localSet(max);
        k.forRange(n, i -> {
            k.pushByteOffset(i, DataType.FLOAT32);
            c.f32Load(x).localSet(v);
            c.localGet(v).localGet(min).localGet(v).localGet(min).f32Lt().select().localSet(min);
            c.localGet(v).localGet(max).localGet(v).localGet(max).f32Gt().select().localSet(max);
        });
        // scale = max == min ? 1 : (max - min) / 255
        c.f32Const(1f);
        c.localGet(max).localGet(min).f32Sub().f32Const(255f).f32Div();
        c.localGet(max).localGet(min).f32Eq().select().localSet(scale);
        c.f32Const(0f).localGet(min).localGet(scale).f32Div().f32Sub().localSet(zp);
        QuantizeLinearOp.clamp(c, zp, QuantRange.of(DataType.UINT8));
        c.localGet(zp).f32Nearest().localSet(zp);
        c.i32Const(0).localGet(scale).f32Store(scaleOut);
        c.i32Const(0).localGet(zp).i32TruncF32S().i32Store8(zpOut);
        k.forRange(n, i -> {
            k.pushByteOffset(i, DataType.UINT8);
            k.pushByteOffset(i, DataType.FLOAT32);
            c.f32Load(x).localGet(scale).f32Div().f32Nearest().localGet(zp).f32Add().localSet(v);
            QuantizeLinearOp.saturateToInt(c, v, QuantRange.of(DataType.UINT8));
            c.i32Store8(y);
        });
    }
}
