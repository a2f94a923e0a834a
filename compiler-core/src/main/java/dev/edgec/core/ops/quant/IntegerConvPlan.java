package dev.edgec.core.ops.quant;

import dev.edgec.core.ops.OpContext;
import dev.edgec.core.ops.nn.AutoPad;
import dev.edgec.core.ops.nn.WindowGeometry;
import dev.edgec.ir.Shape;
import java.util.Arrays;

/**
 * The geometry of an integer convolution (QLinearConv, ConvInteger): Conv's attributes resolved
 * against the shapes of {@code X} and {@code W}, which are inputs {@code xIn} and {@code wIn}.
 */
record IntegerConvPlan(int batch, int channels, int filters, int group, WindowGeometry window) {
    int channelsPerGroup() {
        return channels / group;
    }

    int filtersPerGroup() {
        return filters / group;
    }

    int[] outputDims() {
        int[] dims = new int[window.rank() + 2];
        dims[0] = batch;
        dims[1] = filters;
        System.arraycopy(window.output(), 0, dims, 2, window.rank());
        return dims;
    }

    static IntegerConvPlan of(OpContext ctx, int xIn, int wIn) {
        Shape x = ctx.inputType(xIn).shape();
        Shape w = ctx.inputType(wIn).shape();
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
        long group = ctx.attrs().getInt("group", 1);
        int c = x.dim(1);
        int m = w.dim(0);
        if (group < 1 || c % group != 0 || m % group != 0 || w.dim(1) * group != c) {
            throw ctx.error("group " + group + " does not fit " + c + " input channels, weights " + w);
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
        return new IntegerConvPlan(x.dim(0), c, m, (int) group, g);
    }
}
