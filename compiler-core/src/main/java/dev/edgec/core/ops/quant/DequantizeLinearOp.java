package dev.edgec.core.ops.quant;

import dev.edgec.core.lower.BroadcastLoop;
import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.core.ops.Operator;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.TensorType;
import dev.edgec.wasm.Code;
import java.util.List;
import java.util.Optional;

/**
 * DequantizeLinear (opsets 10–21): {@code y = (x - x_zero_point) * x_scale} in float32, for
 * int8/uint8/int16/uint16/int32 inputs, per tensor or per axis (13+). The subtraction is exact in
 * i32 and the product is one f32 multiply, as in ONNX Runtime, so results are bit-exact.
 * Blocked quantization (21, {@code block_size}) is rejected.
 */
final class DequantizeLinearOp implements Operator {
    private static final List<DataType> INPUT_TYPES = List.of(DataType.UINT8, DataType.INT8, DataType.UINT16,
            DataType.INT16, DataType.INT32);

    static QuantParam plan(OpContext ctx) {
        ctx.expectInputs(2, 3);
        DataType t = ctx.expectType(0, INPUT_TYPES);
        ctx.expectType(1, List.of(DataType.FLOAT32));
        long axis = ctx.opset() >= 13 ? ctx.attrs().getInt("axis", 1) : 1;
        if (ctx.opset() >= 21) {
            BlockSize.reject(ctx);
        }
        Shape x = ctx.inputType(0).shape();
        QuantParam p = QuantParam.read(ctx, 1, x, axis, "x_scale");
        if (ctx.hasInput(2)) {
            if (ctx.inputType(2).dataType() != t) {
                throw ctx.error("x_zero_point has type " + ctx.inputType(2).dataType().signatureName()
                        + " but x has type " + t.signatureName());
            }
            if (!ctx.inputType(2).shape().equals(ctx.inputType(1).shape())) {
                throw ctx.error("x_zero_point shape " + ctx.inputType(2).shape() + " differs from x_scale shape "
                        + ctx.inputType(1).shape());
            }
        }
        return p;
    }

    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        plan(ctx);
        return List.of(new TensorType(DataType.FLOAT32, ctx.inputType(0).shape()));
    }

    @Override
    public void lower(OpContext ctx, KernelWriter k) {
        QuantParam p = plan(ctx);
        Shape shape = ctx.inputType(0).shape();
        DataType t = ctx.inputType(0).dataType();
        if (lowerPerTensorConstant(ctx, k, t)) {
            return;
        }
        int x = k.address(ctx.inputName(0));
        int scale = k.address(ctx.inputName(1));
        int zp = ctx.hasInput(2) ? k.address(ctx.inputName(2)) : -1;
        int y = k.address(ctx.outputName(0));
        Code c = k.code();
        BroadcastLoop.emit(k, shape, List.of(shape, p.broadcastShape()), (idx, o) -> {
            k.pushByteOffset(o, DataType.FLOAT32);
            k.pushByteOffset(idx[0], t);
            k.load(t, x);
            if (zp >= 0) {
                k.pushByteOffset(idx[1], t);
                k.load(t, zp);
                c.i32Sub();
            }
            c.f32ConvertI32S();
            k.pushByteOffset(idx[1], DataType.FLOAT32);
            c.f32Load(scale);
            c.f32Mul();
            c.f32Store(y);
        });
    }

    /** Types whose elements load as an i32. */
    private static final List<DataType> I32_LOADED = List.of(DataType.INT8, DataType.UINT8, DataType.INT16,
            DataType.UINT16, DataType.INT32);

    /**
     * A constant scalar scale and zero point (the float edge of a quantized model) become constants in
     * one counted loop, without the broadcast loop's second index and the two parameter loads.
     */
    private static boolean lowerPerTensorConstant(OpContext ctx, KernelWriter k, DataType t) {
        Optional<Tensor> scale = ctx.constantInput(1);
        Optional<Tensor> zero = ctx.hasInput(2) ? ctx.constantInput(2) : Optional.of(Tensor.ofLongs(t, Shape.scalar(), 0));
        if (!I32_LOADED.contains(t) || scale.isEmpty() || zero.isEmpty() || scale.get().elementCount() != 1
                || zero.get().elementCount() != 1) {
            return false;
        }
        float s = (float) scale.get().getDouble(0);
        int z = (int) zero.get().getLong(0);
        int x = k.address(ctx.inputName(0));
        int y = k.address(ctx.outputName(0));
        Code c = k.code();
        k.forRange(ctx.inputType(0).shape().elementCount(), i -> {
            k.pushByteOffset(i, DataType.FLOAT32);
            k.pushByteOffset(i, t);
            k.load(t, x);
            if (z != 0) {
                c.i32Const(z).i32Sub();
            }
            c.f32ConvertI32S().f32Const(s).f32Mul().f32Store(y);
        });
        return true;
    }
}
