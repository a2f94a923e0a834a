package dev.edgec.core.ops.quant;

import dev.edgec.core.ops.OperatorRegistry;

/** Registers the quantization operators: QuantizeLinear, DequantizeLinear, QLinear*, *Integer. */
public final class QuantOperators {
    /** The domain of edgec's internal integer operators. */
    public static final String INTEGER_DOMAIN = "dev.edgec";

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
        // integer kernels made by QDQ integer fusion (core/quant/IntegerFusion) in edgec's own domain
        r.register(INTEGER_DOMAIN, "QLinearClamp", 1, 1, new QLinearClampOp());
        r.register(INTEGER_DOMAIN, "QLinearLookup", 1, 1, new QLinearLookupOp());
        r.register(INTEGER_DOMAIN, "QLinearMul", 1, 1, new QLinearMulOp());
        r.register(INTEGER_DOMAIN, "QLinearAdd", 1, 1, new QLinearAddOp());
        r.register(INTEGER_DOMAIN, "QLinearAveragePool", 1, 1, new QLinearAveragePoolOp());
        r.register(INTEGER_DOMAIN, "QLinearSoftmax", 1, 1, new QLinearSoftmaxOp());
        // a quantized Conv with a float result (core/quant/QdqConvFloatOutput), made by the fuse-qdq pass
        r.register(INTEGER_DOMAIN, "ConvIntegerToFloat", 1, 1, new ConvIntegerToFloatOp());
    }
}
