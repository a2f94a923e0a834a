package dev.edgec.core.ops.quant;

import dev.edgec.core.ops.OpContext;
import dev.edgec.ir.DataType;
import dev.edgec.opt.pass.InternalAttributes;

/**
 * The integer range a QLinearConv or QLinearMatMul saturates its output to: its type's, or the
 * narrower one QDQ fusion records in {@link InternalAttributes#OUTPUT_CLAMP} when it folds a Relu or
 * Clip that sat before the QuantizeLinear ({@code Q(Clip(v, lo, hi)) = clamp(Q(v), Q(lo), Q(hi))}, as
 * quantizing is monotone).
 */
final class OutputClamp {
    private OutputClamp() {
    }

    /** Reads (and so marks as known) the attribute, checking it lies within {@code out}'s range. */
    static QuantRange of(OpContext ctx, DataType out) {
        QuantRange type = QuantRange.of(out);
        long[] clamp = ctx.attrs().getInts(InternalAttributes.OUTPUT_CLAMP, null);
        if (clamp == null) {
            return type;
        }
        if (clamp.length != 2 || clamp[0] > clamp[1] || clamp[0] < type.min() || clamp[1] > type.max()) {
            throw ctx.error("output clamp " + java.util.Arrays.toString(clamp) + " is not a range within " + out);
        }
        return new QuantRange(clamp[0], clamp[1]);
    }
}
