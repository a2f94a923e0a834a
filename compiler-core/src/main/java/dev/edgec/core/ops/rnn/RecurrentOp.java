package dev.edgec.core.ops.rnn;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.core.ops.Operator;
import dev.edgec.ir.TensorType;
import java.util.ArrayList;
import java.util.List;

/** The parts RNN, GRU and LSTM share: inputs, attributes, output types, scratch size, the loop nest. */
abstract class RecurrentOp implements Operator {
    /** Gate blocks in W and R. */
    abstract int gates();

    /** The activation functions of one direction when the node names none. */
    abstract List<String> defaultActivations();

    /** How many inputs and outputs the operator defines. */
    abstract int maxInputs();

    abstract int maxOutputs();

    /** Reads the operator's own attributes and checks its own inputs. */
    void readOwn(OpContext ctx, RecurrentConfig cfg) {
    }

    abstract RecurrentCell cell(OpContext ctx, RecurrentConfig cfg);

    RecurrentConfig config(OpContext ctx) {
        return RecurrentConfig.read(ctx, gates(), defaultActivations());
    }

    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        ctx.expectInputs(3, maxInputs());
        if (ctx.outputCount() > maxOutputs()) {
            throw ctx.error("has " + ctx.outputCount() + " outputs; at most " + maxOutputs());
        }
        RecurrentConfig cfg = config(ctx);
        readOwn(ctx, cfg);
        List<TensorType> outs = new ArrayList<>();
        outs.add(cfg.yType());
        for (int i = 1; i < maxOutputs(); i++) {
            outs.add(cfg.stateType());
        }
        return outs.subList(0, Math.max(1, ctx.outputCount()));
    }

    @Override
    public long scratchBytes(OpContext ctx) {
        return RecurrentKernel.scratchBytes(config(ctx));
    }

    @Override
    public long macs(OpContext ctx) {
        RecurrentConfig c = config(ctx);
        return (long) c.directions() * c.seq() * c.batch() * c.gates() * c.hidden() * (c.input() + c.hidden());
    }

    @Override
    public void lower(OpContext ctx, KernelWriter k) {
        RecurrentConfig cfg = config(ctx);
        new RecurrentKernel(ctx, k, cfg).emit(cell(ctx, cfg));
    }
}
