package dev.edgec.core.ops.nn;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.core.ops.Operator;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.TensorType;
import java.util.Arrays;
import java.util.List;

/**
 * ONNX ConvTranspose (opsets 1–21, float32, any number of spatial dimensions): group, strides, pads,
 * auto_pad, output_padding, output_shape, dilations, kernel_shape. Input position {@code i} and tap
 * {@code t} write output position {@code i * stride - padBegin + t * dilation}; see
 * {@link ConvTransposeKernel} for the loop order.
 */
public final class ConvTransposeOp implements Operator {

    /** The resolved node; {@code window} maps input positions (as "outputs") to output positions through taps. */
    record Plan(int batch, int channels, int filters, int group, int[] input, int[] kernel, int[] strides,
                int[] dilations, int[] padBegin, int[] output) {

        WindowGeometry window() {
            return new WindowGeometry(input, kernel, strides, dilations, padBegin, padBegin, output);
        }
    }

    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        Plan p = plan(ctx);
        int[] out = new int[p.output().length + 2];
        out[0] = p.batch();
        out[1] = p.filters();
        System.arraycopy(p.output(), 0, out, 2, p.output().length);
        return List.of(new TensorType(DataType.FLOAT32, Shape.of(out)));
    }

    static Plan plan(OpContext ctx) {
        ctx.expectInputs(2, 3);
        ctx.expectType(0, List.of(DataType.FLOAT32));
        ctx.expectType(1, List.of(DataType.FLOAT32));
        Shape x = ctx.inputType(0).shape();
        Shape w = ctx.inputType(1).shape();
        if (x.rank() < 3) {
            throw ctx.error("input X must have rank 3 or more (N, C, spatial...), got shape " + x);
        }
        if (w.rank() != x.rank()) {
            throw ctx.error("weights W of shape " + w + " must have the rank of X " + x);
        }
        int r = x.rank() - 2;
        int c = x.dim(1);
        long groupAttr = ctx.attrs().getInt("group", 1);
        if (groupAttr < 1 || c % groupAttr != 0) {
            throw ctx.error("group " + groupAttr + " must divide the input channels " + c);
        }
        int group = (int) groupAttr;
        if (w.dim(0) != c) {
            throw ctx.error("weights W " + w + " must have " + c + " rows, the input channels of X " + x);
        }
        int filters = w.dim(1) * group;
        int[] wKernel = Arrays.copyOfRange(w.dims(), 2, w.rank());
        int[] kernel = ctx.attrs().getIntsAsInt("kernel_shape", wKernel);
        if (!Arrays.equals(kernel, wKernel)) {
            throw ctx.error("kernel_shape " + Arrays.toString(kernel) + " does not match the weights' shape " + w);
        }
        if (ctx.hasInput(2) && !ctx.inputName(2).isEmpty()) {
            ctx.expectType(2, List.of(DataType.FLOAT32));
            Shape b = ctx.inputType(2).shape();
            if (b.rank() != 1 || b.dim(0) != filters) {
                throw ctx.error("bias B must have shape [" + filters + "], got " + b);
            }
        }
        int[] ones = new int[r];
        Arrays.fill(ones, 1);
        int[] strides = spatial(ctx, "strides", ones, r, 1);
        int[] dilations = spatial(ctx, "dilations", ones, r, 1);
        int[] outputPadding = spatial(ctx, "output_padding", new int[r], r, 0);
        int[] pads = ctx.attrs().getIntsAsInt("pads", null);
        AutoPad autoPad = AutoPad.read(ctx);
        int[] outputShape = ctx.attrs().getIntsAsInt("output_shape", null);
        if (outputShape != null && outputShape.length == r + 2) {
            outputShape = Arrays.copyOfRange(outputShape, 2, r + 2);
        }
        if (outputShape != null && outputShape.length != r) {
            throw ctx.error("output_shape has " + outputShape.length + " values; expected " + r);
        }
        if (pads != null && pads.length != 2 * r) {
            throw ctx.error("pads has " + pads.length + " values; expected " + 2 * r);
        }
        int[] in = Arrays.copyOfRange(x.dims(), 2, x.rank());
        int[] begin = new int[r];
        int[] out = new int[r];
        for (int i = 0; i < r; i++) {
            if (outputPadding[i] >= Math.max(strides[i], dilations[i])) {
                throw ctx.error("output_padding " + outputPadding[i] + " must be smaller than the stride or dilation");
            }
            int full = strides[i] * (in[i] - 1) + outputPadding[i] + (kernel[i] - 1) * dilations[i] + 1;
            boolean same = autoPad == AutoPad.SAME_UPPER || autoPad == AutoPad.SAME_LOWER;
            if (outputShape != null || same) {
                int target = outputShape != null ? outputShape[i] : in[i] * strides[i];
                // A target beyond the full output: output_shape keeps it (extra positions hold the bias),
                // auto_pad SAME stops at the full output, as in ONNX Runtime.
                int total = Math.max(0, full - target);
                begin[i] = autoPad == AutoPad.SAME_UPPER ? total / 2 : total - total / 2;
                out[i] = outputShape != null ? target : full - total;
            } else {
                int pb = pads == null || autoPad == AutoPad.VALID ? 0 : pads[i];
                int pe = pads == null || autoPad == AutoPad.VALID ? 0 : pads[r + i];
                if (pb < 0 || pe < 0) {
                    throw ctx.error("negative pads " + Arrays.toString(pads) + " are not supported");
                }
                begin[i] = pb;
                out[i] = full - pb - pe;
            }
            if (out[i] < 1) {
                throw ctx.error("the output would be empty along spatial axis " + i);
            }
        }
        return new Plan(x.dim(0), c, filters, group, in, kernel, strides, dilations, begin, out);
    }

    private static int[] spatial(OpContext ctx, String name, int[] defaultValue, int r, int min) {
        int[] v = ctx.attrs().getIntsAsInt(name, defaultValue);
        if (v.length != r) {
            throw ctx.error(name + " has " + v.length + " values; expected " + r);
        }
        for (int a : v) {
            if (a < min) {
                throw ctx.error(name + " " + Arrays.toString(v) + " must be " + min + " or more");
            }
        }
        return v;
    }

    @Override
    public void lower(OpContext ctx, KernelWriter k) {
        new ConvTransposeKernel(k, plan(ctx)).emit(k.address(ctx.inputName(0)), k.address(ctx.inputName(1)),
                ctx.hasInput(2) && !ctx.inputName(2).isEmpty() ? k.address(ctx.inputName(2)) : -1,
                k.address(ctx.outputName(0)));
    }

    @Override
    public long macs(OpContext ctx) {
        Plan p = plan(ctx);
        long taps = Arrays.stream(p.kernel()).asLongStream().reduce(1, (a, b) -> a * b);
        long in = Arrays.stream(p.input()).asLongStream().reduce(1, (a, b) -> a * b);
        return p.batch() * in * taps * p.channels() * (p.filters() / p.group());
    }
}
