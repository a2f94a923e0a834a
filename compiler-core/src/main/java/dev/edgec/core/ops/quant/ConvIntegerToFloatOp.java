package dev.edgec.core.ops.quant;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.core.ops.Operator;
import dev.edgec.core.ops.nn.ConvOp;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.TensorType;
import dev.edgec.wasm.Code;
import dev.edgec.wasm.ValType;
import java.util.List;
import java.util.Optional;

/**
 * edgec's internal {@code ConvIntegerToFloat(x, w, x_zero_point, w_zero_point, bias, scale)}: ConvInteger
 * with its int32 bias added in the accumulator and the accumulator converted to float once,
 * {@code y = float(Σ (x − x_zp)(w − w_zp) + bias[m]) · scale[m]} (scale per tensor or per output channel,
 * float32 as DequantizeLinear multiplies). The QDQ fusion makes it from a quantized Conv whose float
 * result an Add reads ({@code core/quant/QdqConvFloatOutput}): one pass over the output instead of three
 * (ConvInteger, int32 Add, DequantizeLinear), with the same values. Zero points and bias are optional.
 */
final class ConvIntegerToFloatOp implements Operator {
    private static ConvOp.Plan plan(OpContext ctx) {
        ctx.expectInputs(6, 6);
        ConvOp.Plan p = ConvIntegerOp.checkOperands(ctx);
        if (ctx.hasInput(4) && (ctx.inputType(4).dataType() != DataType.INT32
                || ctx.inputType(4).elementCount() != p.filters())) {
            throw ctx.error("bias must be int32 with " + p.filters() + " values, got " + ctx.inputType(4));
        }
        int scales = ctx.inputType(5).elementCount();
        if (ctx.inputType(5).dataType() != DataType.FLOAT32 || scales != 1 && scales != p.filters()) {
            throw ctx.error("scale must be float32, one value or one per output channel, got " + ctx.inputType(5));
        }
        return p;
    }

    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        return List.of(TensorType.of(DataType.FLOAT32, plan(ctx).outputDims()));
    }

    @Override
    public void lower(OpContext ctx, KernelWriter k) {
        ConvIntegerOp.emit(ctx, k, plan(ctx), 4, DataType.FLOAT32, new ToFloat(ctx, k));
    }

    /** Converts each finished accumulator to float and multiplies it by its channel's scale. */
    private static final class ToFloat implements AccumulatorSink {
        private final KernelWriter k;
        private final Code c;
        private final Optional<Tensor> constant;
        private final int scales;
        private final int scaleLocal;
        private final boolean perChannel;

        ToFloat(OpContext ctx, KernelWriter k) {
            this.k = k;
            this.c = k.code();
            this.perChannel = ctx.inputType(5).elementCount() > 1;
            this.constant = perChannel ? Optional.empty() : ctx.constantInput(5);
            this.scales = constant.isPresent() ? -1 : k.address(ctx.inputName(5));
            this.scaleLocal = perChannel ? k.newLocal(ValType.F32) : -1;
        }

        @Override
        public void beginChannel(int channel) {
            if (perChannel) {
                k.pushByteOffset(channel, DataType.FLOAT32);
                c.f32Load(scales).localSet(scaleLocal);
            }
        }

        @Override
        public void push(int acc, int channel) {
            c.localGet(acc).f32ConvertI32S();
            if (perChannel) {
                c.localGet(scaleLocal);
            } else if (constant.isPresent()) {
                c.f32Const((float) constant.get().getDouble(0));
            } else {
                c.i32Const(0).f32Load(scales);
            }
            c.f32Mul();
        }
    }

    @Override
    public long macs(OpContext ctx) {
        return plan(ctx).macs();
    }

    @Override
    public long scratchBytes(OpContext ctx) {
        return ConvIntegerOp.scratchBytes(ctx, plan(ctx));
    }
}
