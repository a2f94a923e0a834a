package dev.edgec.core.ops.loss;

import dev.edgec.core.ops.OpContext;

/** The {@code reduction} attribute of the loss operators: per-element losses, their sum, or their weighted mean. */
enum Reduction {
    NONE, SUM, MEAN;

    /** Reads {@code reduction} (default "mean"), rejecting any other value with an error naming the node. */
    static Reduction of(OpContext ctx) {
        String r = ctx.attrs().getString("reduction", "mean");
        return switch (r) {
            case "none" -> NONE;
            case "sum" -> SUM;
            case "mean" -> MEAN;
            default -> throw ctx.error("reduction must be none, sum or mean, got '" + r + "'");
        };
    }
}
