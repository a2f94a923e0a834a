package dev.edgec.core.ops.quant;

import dev.edgec.core.ops.OperatorRegistry;

/** Registers the quantization operators: QuantizeLinear, DequantizeLinear, QLinear*, *Integer. */
public final class QuantOperators {
    private QuantOperators() {
    }

    public static void registerAll(OperatorRegistry r) {
    }
}
