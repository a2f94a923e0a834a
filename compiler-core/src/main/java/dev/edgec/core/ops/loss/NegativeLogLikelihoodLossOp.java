package dev.edgec.core.ops.loss;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.core.ops.Operator;
import dev.edgec.ir.DataType;
import dev.edgec.ir.TensorType;
import java.util.List;

/**
 * NegativeLogLikelihoodLoss (opsets 12-21): the loss of log-probabilities input [N, C, d1..dk]
 * against class indices target [N, d1..dk], optionally weighted per class (see {@link NllKernel}).
 */
final class NegativeLogLikelihoodLossOp implements Operator {
    private static final List<DataType> TYPES = List.of(DataType.FLOAT32, DataType.FLOAT64);

    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        if (ctx.outputCount() != 1) {
            throw ctx.error("has one output (loss), got " + ctx.outputCount());
        }
        LossPlan p = LossPlan.of(ctx, TYPES);
        return List.of(p.lossType(ctx.inputType(1).shape()));
    }

    @Override
    public void lower(OpContext ctx, KernelWriter k) {
        LossPlan p = LossPlan.of(ctx, TYPES);
        NllKernel.emit(k, p, k.address(ctx.inputName(0)), k.address(ctx.inputName(1)),
                p.weighted() ? k.address(ctx.inputName(2)) : -1, k.address(ctx.outputName(0)));
    }
}
