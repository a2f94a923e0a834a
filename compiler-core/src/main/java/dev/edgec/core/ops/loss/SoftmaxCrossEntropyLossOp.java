package dev.edgec.core.ops.loss;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.core.ops.Operator;
import dev.edgec.core.ops.SoftmaxRows;
import dev.edgec.core.ops.linalg.SoftmaxKernel;
import dev.edgec.ir.DataType;
import dev.edgec.ir.TensorType;
import java.util.ArrayList;
import java.util.List;

/**
 * SoftmaxCrossEntropyLoss (opsets 12-21): LogSoftmax of scores [N, C, d1..dk] over the class axis,
 * then the negative log-likelihood loss against labels [N, d1..dk] (see {@link NllKernel}). The
 * log-probabilities go to the optional output log_prob, or to scratch memory when it is absent.
 */
final class SoftmaxCrossEntropyLossOp implements Operator {
    private static final List<DataType> TYPES = List.of(DataType.FLOAT32, DataType.FLOAT64);

    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        if (ctx.outputCount() < 1 || ctx.outputCount() > 2) {
            throw ctx.error("has 1 or 2 outputs (output, log_prob), got " + ctx.outputCount());
        }
        LossPlan p = LossPlan.of(ctx, TYPES);
        List<TensorType> types = new ArrayList<>();
        types.add(p.lossType(ctx.inputType(1).shape()));
        if (ctx.outputCount() > 1) {
            types.add(ctx.inputType(0));
        }
        return types;
    }

    private static boolean hasLogProb(OpContext ctx) {
        return ctx.outputCount() > 1 && !ctx.outputName(1).isEmpty();
    }

    @Override
    public long scratchBytes(OpContext ctx) {
        return hasLogProb(ctx) ? 0 : ctx.inputType(0).byteSize();
    }

    @Override
    public void lower(OpContext ctx, KernelWriter k) {
        LossPlan p = LossPlan.of(ctx, TYPES);
        int logp = hasLogProb(ctx) ? k.address(ctx.outputName(1)) : k.scratch();
        SoftmaxKernel.emit(k, p.type(), new SoftmaxRows(p.n(), p.c(), p.d()), k.address(ctx.inputName(0)), logp, true);
        NllKernel.emit(k, p, logp, k.address(ctx.inputName(1)),
                p.weighted() ? k.address(ctx.inputName(2)) : -1, k.address(ctx.outputName(0)));
    }
}
