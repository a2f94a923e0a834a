package dev.edgec.core.ops.nn;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.FusedActivation;
import dev.edgec.core.ops.OpContext;
import dev.edgec.core.ops.Operator;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.TensorType;
import java.util.Arrays;
import java.util.List;

/**
 * ONNX Conv (opsets 1–21, float32): 1-, 2- and 3-D, groups (depthwise included), explicit or
 * automatic padding, strides, dilations, optional bias; the weights may be constants or inputs. A
 * fused activation (see {@link FusedActivation}) is applied to each sum before it is stored.
 */
public final class ConvOp implements Operator {

    /** The node's attributes resolved against its input shapes. */
    public record Plan(int batch, int channels, int filters, int group, WindowGeometry window) {
        public int channelsPerGroup() {
            return channels / group;
        }

        public int filtersPerGroup() {
            return filters / group;
        }

        /** N, M and the output's spatial sizes. */
        public int[] outputDims() {
            int[] dims = new int[window.rank() + 2];
            dims[0] = batch;
            dims[1] = filters;
            System.arraycopy(window.output(), 0, dims, 2, window.rank());
            return dims;
        }

        /** Multiply-accumulates: every output element sums one kernel window over its group's channels. */
        public long macs() {
            long outs = 1;
            for (int d : outputDims()) {
                outs *= d;
            }
            long taps = 1;
            for (int kd : window.kernel()) {
                taps *= kd;
            }
            return outs * taps * channelsPerGroup();
        }
    }

    static Plan plan(OpContext ctx) {
        ctx.expectInputs(2, 3);
        ctx.expectType(0, List.of(DataType.FLOAT32));
        ctx.expectType(1, List.of(DataType.FLOAT32));
        Plan p = plan(ctx, ctx.inputType(0).shape(), ctx.inputType(1).shape());
        if (ctx.hasInput(2)) {
            ctx.expectType(2, List.of(DataType.FLOAT32));
            Shape b = ctx.inputType(2).shape();
            if (b.rank() != 1 || b.dim(0) != p.filters()) {
                throw ctx.error("bias B must have shape [" + p.filters() + "], got " + b);
            }
        }
        return p;
    }

    /**
     * Conv's attributes resolved against the shapes of X and W; for the integer convolutions
     * (QLinearConv, ConvInteger), whose X and W are other inputs.
     */
    public static Plan plan(OpContext ctx, Shape x, Shape w) {
        if (x.rank() < 3) {
            throw ctx.error("input X must have rank 3 or more (N, C, spatial...), got shape " + x);
        }
        if (w.rank() != x.rank()) {
            throw ctx.error("weights W of shape " + w + " must have the rank of X " + x);
        }
        int r = x.rank() - 2;
        if (r > 3) {
            throw ctx.unsupported("edgec supports 1-, 2- and 3-D convolutions, not " + r + "-D");
        }
        long groupAttr = ctx.attrs().getInt("group", 1);
        int c = x.dim(1);
        int m = w.dim(0);
        if (groupAttr < 1 || c % groupAttr != 0 || m % groupAttr != 0) {
            throw ctx.error("group " + groupAttr + " must divide the input channels " + c + " and the filters " + m);
        }
        int group = (int) groupAttr;
        if (w.dim(1) * group != c) {
            throw ctx.error("weights W " + w + " expect " + w.dim(1) * group + " input channels with group " + group
                    + ", but X " + x + " has " + c);
        }
        int[] wKernel = Arrays.copyOfRange(w.dims(), 2, w.rank());
        int[] kernel = ctx.attrs().getIntsAsInt("kernel_shape", wKernel);
        if (!Arrays.equals(kernel, wKernel)) {
            throw ctx.error("kernel_shape " + Arrays.toString(kernel) + " does not match the weights' shape " + w);
        }
        int[] ones = new int[r];
        Arrays.fill(ones, 1);
        WindowGeometry g = WindowGeometry.resolve(ctx, Arrays.copyOfRange(x.dims(), 2, x.rank()), kernel,
                ctx.attrs().getIntsAsInt("strides", ones), ctx.attrs().getIntsAsInt("dilations", ones),
                ctx.attrs().getIntsAsInt("pads", null), AutoPad.read(ctx), false);
        return new Plan(x.dim(0), c, m, group, g);
    }

    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        Plan p = plan(ctx);
        FusedActivation.read(ctx);
        return List.of(TensorType.of(DataType.FLOAT32, p.outputDims()));
    }

    @Override
    public long macs(OpContext ctx) {
        return plan(ctx).macs();
    }

    @Override
    public void lower(OpContext ctx, KernelWriter k) {
        Plan p = plan(ctx);
        new ConvKernel(k, p, k.address(ctx.inputName(0)), k.address(ctx.inputName(1)),
                ctx.hasInput(2) ? k.address(ctx.inputName(2)) : -1, k.address(ctx.outputName(0)),
                FusedActivation.read(ctx)).emit();
    }
}
