package dev.edgec.core.ops.elementwise;

import dev.edgec.core.lower.Float16;
import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.onnx.OnnxDataTypes;
import dev.edgec.core.ops.OpContext;
import dev.edgec.core.ops.Operator;
import dev.edgec.ir.DataType;
import dev.edgec.ir.TensorType;
import dev.edgec.ir.UnsupportedModelException;
import java.util.List;

/**
 * Cast (opset 6+): converts every element to the type {@code to}, as {@link ElementConversion}
 * describes. float16 and bfloat16 go through float32. float32 → bfloat16 rounds to nearest, ties
 * to even ({@link dev.edgec.ir.BFloat16}): ONNX Runtime does (CastBfloat16Test checks it bit for
 * bit) and so does ONNX's reference helper since 1.13, whereas ONNX 1.12's test data for
 * test_cast_FLOAT_to_BFLOAT16 truncates, so that one conformance case stays listed. Strings and
 * the float8 types of opset 19 are not supported (so its {@code saturate} attribute, which only
 * concerns float8, has nothing to change).
 */
final class CastOp implements Operator {
    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        ctx.expectInputs(1, 1);
        readSaturate(ctx);
        DataType to = targetType(ctx, (int) ctx.attrs().requireInt("to"));
        return List.of(new TensorType(to, ctx.inputType(0).shape()));
    }

    /** Small constants fold (a Range expanded into a Loop casts its trip count). */
    @Override
    public java.util.Optional<List<dev.edgec.ir.Tensor>> evaluate(OpContext ctx) {
        return dev.edgec.core.ops.ConstantFolding.cast(ctx, inferTypes(ctx).get(0));
    }

    @Override
    public void lower(OpContext ctx, KernelWriter k) {
        emitCast(ctx, k);
    }

    /** Reads opset 19's {@code saturate} (float8 only; edgec has no float8 type). */
    static void readSaturate(OpContext ctx) {
        ctx.attrs().getInt("saturate", 1);
    }

    /** The element type for ONNX type code {@code code}, or an unsupported-model error naming the node. */
    static DataType targetType(OpContext ctx, int code) {
        try {
            return OnnxDataTypes.fromOnnx(code, "target type 'to'");
        } catch (UnsupportedModelException e) {
            throw ctx.unsupported(e.getMessage());
        }
    }

    /** The elementwise loop converting input 0 into output 0. */
    static void emitCast(OpContext ctx, KernelWriter k) {
        DataType from = ctx.inputType(0).dataType();
        DataType to = ctx.outputType(0).dataType();
        int in = k.address(ctx.inputName(0));
        int out = k.address(ctx.outputName(0));
        int count = ctx.inputType(0).elementCount();
        if (from == to) {
            k.copyBytes(in, out, count * from.byteSize());
            return;
        }
        k.forRange(count, i -> {
            k.pushByteOffset(i, to);
            k.pushByteOffset(i, from);
            Float16.load(k, from, in);
            ElementConversion.emit(k, from, to);
            Float16.store(k, to, out);
        });
    }
}
