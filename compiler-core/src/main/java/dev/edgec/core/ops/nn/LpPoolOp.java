package dev.edgec.core.ops.nn;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;

/**
 * ONNX LpPool (opsets 1–21, float32): {@code (sum over the window of |x|^p)^(1/p)}, padding
 * contributing 0. p is a float attribute in opset 1 (it must be a whole number here) and an int from
 * opset 2; kernel_shape, pads, auto_pad, strides, and ceil_mode and dilations from opset 18.
 */
public final class LpPoolOp extends WindowPoolOp {
    @Override
    protected boolean readOptions(OpContext ctx) {
        p(ctx);
        return false;
    }

    static int p(OpContext ctx) {
        double p;
        if (ctx.opset() < 2) {
            p = ctx.attrs().getFloat("p", 2f);
        } else {
            p = ctx.attrs().getInt("p", 2);
        }
        if (p < 1 || p != Math.rint(p) || p > 64) {
            throw ctx.unsupported("p " + p + " is not supported (whole numbers from 1 to 64)");
        }
        return (int) p;
    }

    @Override
    protected boolean hasCeilMode(int opset) {
        return opset >= 18;
    }

    @Override
    protected boolean hasDilations(int opset) {
        return opset >= 18;
    }

    @Override
    protected PoolKernel.Kind kind() {
        return PoolKernel.Kind.LP;
    }

    @Override
    public void lower(OpContext ctx, KernelWriter k) {
        Plan plan = plan(ctx);
        PoolKernel.emit(k, kind(), plan.window(), plan.planes(), k.address(ctx.inputName(0)),
                k.address(ctx.outputName(0)), false, p(ctx));
    }
}
