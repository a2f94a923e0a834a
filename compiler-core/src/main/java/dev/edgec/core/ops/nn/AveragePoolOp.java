package dev.edgec.core.ops.nn;

import dev.edgec.core.ops.OpContext;

/**
 * ONNX AveragePool (opsets 1–21, float32): kernel_shape, pads, auto_pad, strides,
 * count_include_pad (≥7), ceil_mode (≥10) and dilations (≥19).
 */
public final class AveragePoolOp extends WindowPoolOp {
    @Override
    protected boolean readOptions(OpContext ctx) {
        return ctx.opset() >= 7 && ctx.attrs().getInt("count_include_pad", 0) != 0;
    }

    @Override
    protected boolean hasCeilMode(int opset) {
        return opset >= 10;
    }

    @Override
    protected boolean hasDilations(int opset) {
        return opset >= 19;
    }

    @Override
    protected PoolKernel.Kind kind() {
        return PoolKernel.Kind.AVERAGE;
    }
}
