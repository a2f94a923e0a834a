package dev.edgec.core.ops.quant;

import dev.edgec.core.ops.OpContext;

/** The {@code block_size} attribute of QuantizeLinear/DequantizeLinear (opset 21): edgec supports only 0. */
final class BlockSize {
    private BlockSize() {
    }

    static void reject(OpContext ctx) {
        long b = ctx.attrs().getInt("block_size", 0);
        if (b != 0) {
            throw ctx.unsupported("block_size " + b + " (blocked quantization) is not supported; "
                    + "edgec quantizes per tensor or per axis");
        }
    }
}
