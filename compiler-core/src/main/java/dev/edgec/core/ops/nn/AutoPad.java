package dev.edgec.core.ops.nn;

import dev.edgec.core.ops.OpContext;

/** The {@code auto_pad} attribute of convolution and pooling operators. */
enum AutoPad {
    NOTSET, SAME_UPPER, SAME_LOWER, VALID;

    static AutoPad read(OpContext ctx) {
        String s = ctx.attrs().getString("auto_pad", "NOTSET");
        return switch (s) {
            case "NOTSET", "" -> NOTSET;
            case "SAME_UPPER" -> SAME_UPPER;
            case "SAME_LOWER" -> SAME_LOWER;
            case "VALID" -> VALID;
            default -> throw ctx.error("auto_pad must be NOTSET, SAME_UPPER, SAME_LOWER or VALID, got '" + s + "'");
        };
    }
}
