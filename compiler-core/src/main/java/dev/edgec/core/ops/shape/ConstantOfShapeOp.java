package dev.edgec.core.ops.shape;

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
 * ConstantOfShape: a tensor of the shape given by a constant int64 input, filled with the one value
 * of the {@code value} attribute (default float32 0). Small results are folded into constants; large
 * ones are filled by a loop so that a big zero tensor costs code, not data bytes.
 */
final class ConstantOfShapeOp implements Operator {
    /** Results up to this many elements become constants (shape arithmetic); larger ones are filled at run time. */
    private static final int FOLD_LIMIT = 64;

    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        ctx.expectInputs(1, 1);
        Tensor fill = fillValue(ctx);
        Tensor shape = ctx.requireConstantInput(0, "shape");
        if (shape.dataType() != DataType.INT64 || shape.shape().rank() != 1) {
            throw ctx.error("shape input must be a 1-D int64 tensor, got " + shape.type());
        }
        try {
            return List.of(new TensorType(fill.dataType(), Shape.ofLongs(shape.toLongs())));
        } catch (IllegalArgumentException e) {
            throw ctx.error("shape " + java.util.Arrays.toString(shape.toLongs()) + ": " + e.getMessage());
        }
    }

    private static Tensor fillValue(OpContext ctx) {
        Tensor v = ctx.attrs().getTensor("value").orElse(Tensor.ofFloats(Shape.of(1), 0f));
        if (v.elementCount() != 1) {
            throw ctx.error("attribute 'value' must hold exactly one element, has " + v.elementCount());
        }
        return v;
    }

    @Override
    public Optional<List<Tensor>> evaluate(OpContext ctx) {
        TensorType out = inferTypes(ctx).get(0);
        if (out.elementCount() > FOLD_LIMIT) {
            return Optional.empty();
        }
        Tensor v = fillValue(ctx);
        byte[] one = v.bytes();
        byte[] all = new byte[(int) out.byteSize()];
        for (int i = 0; i < out.elementCount(); i++) {
            System.arraycopy(one, 0, all, i * one.length, one.length);
        }
        return Optional.of(List.of(Tensor.of(out, all)));
    }

    @Override
    public void lower(OpContext ctx, KernelWriter k) {
        TensorType out = ctx.outputType(0);
        DataType t = out.dataType();
        Tensor v = fillValue(ctx);
        int base = k.address(ctx.outputName(0));
        Code c = k.code();
        k.forRange(out.elementCount(), i -> {
            k.pushByteOffset(i, t);
            switch (KernelWriter.stackType(t)) {
                case F32 -> c.f32Const((float) v.getDouble(0));
                case F64 -> c.f64Const(v.getDouble(0));
                case I64 -> c.i64Const(v.getLong(0));
                case I32 -> c.i32Const(t == DataType.FLOAT16 || t == DataType.BFLOAT16 ? v.data().getShort(0) : (int) v.getLong(0));
            }
            k.store(t, base);
        });
    }
}
