package dev.edgec.core.ops.rnn;

import dev.edgec.core.ops.OpContext;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.TensorType;
import java.util.ArrayList;
import java.util.List;

/**
 * The attributes and sizes of an RNN, GRU or LSTM node, read and checked once.
 *
 * @param gates       gate blocks per direction in W and R (RNN 1, GRU 3, LSTM 4)
 * @param directions  1, or 2 when bidirectional
 * @param reverse     the single direction runs backwards in time
 * @param batchMajor  layout 1: X is [batch, seq, input] and states are [batch, dirs, hidden]
 * @param clip        bound applied to gate inputs before activations; NaN when absent
 * @param activations per direction, the functions in the order the operator defines
 */
record RecurrentConfig(int gates, int seq, int batch, int input, int hidden, int directions, boolean reverse,
                       boolean batchMajor, float clip, List<List<RnnActivation>> activations) {

    static RecurrentConfig read(OpContext ctx, int gates, List<String> defaultActivations) {
        TensorType x = ctx.inputType(0);
        ctx.expectType(0, List.of(DataType.FLOAT32));
        if (x.shape().rank() != 3) {
            throw ctx.error("X must be 3-D, got " + x.shape());
        }
        String direction = ctx.attrs().getString("direction", "forward");
        int dirs = switch (direction) {
            case "forward", "reverse" -> 1;
            case "bidirectional" -> 2;
            default -> throw ctx.error("direction '" + direction + "' must be forward, reverse or bidirectional");
        };
        boolean batchMajor = ctx.opset() >= 14 && ctx.attrs().getInt("layout", 0) == 1;
        int seq = x.shape().dim(batchMajor ? 1 : 0);
        int batch = x.shape().dim(batchMajor ? 0 : 1);
        int input = x.shape().dim(2);
        Shape r = ctx.inputType(2).shape();
        if (r.rank() != 3) {
            throw ctx.error("R must be 3-D, got " + r);
        }
        int hidden = (int) ctx.attrs().getInt("hidden_size", r.dim(2));
        expectShape(ctx, 1, "W", dirs, gates * hidden, input);
        expectShape(ctx, 2, "R", dirs, gates * hidden, hidden);
        if (ctx.hasInput(3)) {
            expectShape(ctx, 3, "B", dirs, 2 * gates * hidden);
        }
        if (ctx.hasInput(4)) {
            Tensor lens = ctx.requireConstantInput(4, "sequence_lens");
            for (long l : lens.toLongs()) {
                if (l != seq) {
                    throw ctx.unsupported("sequence_lens " + l + " differs from the sequence length " + seq
                            + "; edgec compiles only full-length sequences");
                }
            }
        }
        if (ctx.hasInput(5)) {
            expectShape(ctx, 5, "initial_h", batchMajor ? batch : dirs, batchMajor ? dirs : batch, hidden);
        }
        float clip = ctx.attrs().has("clip") ? ctx.attrs().getFloat("clip", 0f) : Float.NaN;
        float[] alphas = ctx.attrs().getFloats("activation_alpha", null);
        float[] betas = ctx.attrs().getFloats("activation_beta", null);
        List<String> names = ctx.attrs().getStrings("activations", null);
        int per = defaultActivations.size();
        if (names != null && names.size() != per * dirs) {
            throw ctx.error("activations lists " + names.size() + " functions; " + per * dirs + " expected");
        }
        List<List<RnnActivation>> acts = new ArrayList<>();
        int[] cursor = {0};
        for (int d = 0; d < dirs; d++) {
            List<RnnActivation> forDir = new ArrayList<>();
            for (int m = 0; m < per; m++) {
                forDir.add(RnnActivation.of(ctx, names == null ? defaultActivations.get(m) : names.get(d * per + m),
                        alphas, betas, cursor));
            }
            acts.add(forDir);
        }
        return new RecurrentConfig(gates, seq, batch, input, hidden, dirs, direction.equals("reverse"), batchMajor, clip,
                acts);
    }

    static void expectShape(OpContext ctx, int input, String what, int... dims) {
        Shape s = ctx.inputType(input).shape();
        if (!s.equals(Shape.of(dims))) {
            throw ctx.error(what + " must have shape " + Shape.of(dims) + ", got " + s);
        }
        if (ctx.inputType(input).dataType() != DataType.FLOAT32) {
            throw ctx.unsupported(what + " must be float32");
        }
    }

    /** Y: [seq, dirs, batch, hidden], or [batch, seq, dirs, hidden] in batch-major layout. */
    TensorType yType() {
        return TensorType.of(DataType.FLOAT32, batchMajor ? new int[] {batch, seq, directions, hidden}
                : new int[] {seq, directions, batch, hidden});
    }

    /** Y_h and Y_c: [dirs, batch, hidden], or [batch, dirs, hidden]. */
    TensorType stateType() {
        return TensorType.of(DataType.FLOAT32, batchMajor ? new int[] {batch, directions, hidden}
                : new int[] {directions, batch, hidden});
    }
}
