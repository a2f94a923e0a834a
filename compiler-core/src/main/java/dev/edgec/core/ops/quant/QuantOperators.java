package dev.edgec.core.ops.quant;

import dev.edgec.core.ops.OperatorRegistry;

/** Registers the quantization operators: QuantizeLinear, DequantizeLinear, QLinear*, *Integer. */
public final class QuantOperators {
    private QuantOperators() {
    }

    public static void registerAll(OperatorRegistry r) {
        r.register("QuantizeLinear", 10, 21, new QuantizeLinearOp());
        r.register("DequantizeLinear", 10, 21, new DequantizeLinearOp());
        r.register("DynamicQuantizeLinear", 11, 21, new DynamicQuantizeLinearOp());
        r.register("QLinearMatMul", 10, 21, new QLinearMatMulOp());
        r.register("MatMulInteger", 10, 21, new MatMulIntegerOp());
        r.register("QLinearConv", 10, 21, new QLinearConvOp());
        r.register("ConvInteger", 10, 21, new ConvIntegerOp());
    }
}
