package dev.edgec.core.ops.tensor;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.core.ops.Operator;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.TensorType;
import java.util.ArrayList;
import java.util.List;

/**
 * Dropout at inference (opset 7+): the output is the input. The optional mask (bool from opset 10,
 * the input's type before) is all true from opset 12 and, before 12, all zero as ONNX Runtime
 * writes it. From opset 12 the ratio and training_mode inputs are accepted when constant with
 * training_mode false; training mode would need random numbers.
 */
final class DropoutOp implements Operator {
    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        TensorType in = ctx.inputType(0);
        if (ctx.opset() >= 12) {
            ctx.expectInputs(1, 3);
            ctx.attrs().getInt("seed", 0);
            if (ctx.hasInput(1)) {
                ctx.requireConstantInput(1, "ratio");
            }
            if (ctx.hasInput(2)) {
                Tensor training = ctx.requireConstantInput(2, "training_mode");
                if (training.elementCount() != 1) {
                    throw ctx.error("training_mode must be a scalar");
                }
                if (training.getLong(0) != 0) {
                    throw ctx.unsupported("training_mode true is not supported: edgec compiles inference");
                }
            }
        } else {
            ctx.expectInputs(1, 1);
            ctx.attrs().getFloat("ratio", 0.5f);
        }
        List<TensorType> outs = new ArrayList<>();
        outs.add(in);
        if (ctx.outputCount() > 1) {
            outs.add(new TensorType(maskType(ctx), in.shape()));
        }
        return outs;
    }

    private static DataType maskType(OpContext ctx) {
        return ctx.opset() >= 10 ? DataType.BOOL : ctx.inputType(0).dataType();
    }

    @Override
    public void lower(OpContext ctx, KernelWriter k) {
        TensorType in = ctx.inputType(0);
        StridedCopy.contiguous(k, k.address(ctx.inputName(0)), k.address(ctx.outputName(0)), in.byteSize());
        if (ctx.outputCount() > 1 && !ctx.outputName(1).isEmpty()) {
            DataType mt = maskType(ctx);
            int mask = k.address(ctx.outputName(1));
            Fill.emit(k, mask, mt, in.elementCount(), () -> Fill.pushConstant(k, mt, ctx.opset() >= 12 ? 1 : 0));
        }
    }
}
