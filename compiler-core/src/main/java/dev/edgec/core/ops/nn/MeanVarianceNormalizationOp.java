package dev.edgec.core.ops.nn;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.core.ops.Operator;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.TensorType;
import java.util.List;

/**
 * ONNX MeanVarianceNormalization (opsets 9–21, float32): {@code y = (x - mean) / (sqrt(var) + 1e-9)}
 * with mean and variance over {@code axes} (default [0, 2, 3]), as ONNX Runtime computes it.
 */
public final class MeanVarianceNormalizationOp implements Operator {
    /** ONNX Runtime's constant added to the standard deviation. */
    private static final float EPSILON = 1e-9f;

    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        ctx.expectInputs(1, 1);
        ctx.expectType(0, List.of(DataType.FLOAT32));
        reduced(ctx);
        return List.of(ctx.inputType(0));
    }

    private static boolean[] reduced(OpContext ctx) {
        Shape x = ctx.inputType(0).shape();
        long[] axes = ctx.attrs().getInts("axes", new long[]{0, 2, 3});
        boolean[] reduced = new boolean[x.rank()];
        for (long a : axes) {
            if (a < -x.rank() || a >= x.rank()) {
                throw ctx.error("axis " + a + " is out of range for input of rank " + x.rank());
            }
            reduced[x.normalizeAxis(a)] = true;
        }
        return reduced;
    }

    @Override
    public void lower(OpContext ctx, KernelWriter k) {
        NormalizeKernel kernel = new NormalizeKernel(k, ctx.inputType(0).shape(), reduced(ctx));
        NormalizeKernel.Statistics stats = (c, mean, variance, factor) ->
                c.f32Const(1f).localGet(variance).f32Sqrt().f32Const(EPSILON).f32Add().f32Div().localSet(factor);
        kernel.emit(k.address(ctx.inputName(0)), k.address(ctx.outputName(0)), stats, (c, g, r) -> { }, -1, -1);
    }

    @Override
    public long macs(OpContext ctx) {
        return 2L * ctx.inputType(0).elementCount();
    }
}
