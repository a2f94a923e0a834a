package dev.edgec.core.ops.nn;

import dev.edgec.core.ops.OpContext;
import java.util.Arrays;

/**
 * Where a sliding window (convolution kernel or pooling window) goes over the spatial dimensions of
 * an input: sizes, strides, dilations, the resolved padding and the output size, per dimension.
 * Tap {@code t} of output {@code o} along dimension {@code i} reads input position
 * {@code o * strides[i] - padBegin[i] + t * dilations[i]}.
 */
public record WindowGeometry(int[] input, int[] kernel, int[] strides, int[] dilations, int[] padBegin, int[] padEnd,
                      int[] output) {

    public int rank() {
        return input.length;
    }

    /** First tap of output {@code o} that reads inside the input along dimension {@code i}. */
    int firstTap(int i, int o) {
        int start = o * strides[i] - padBegin[i];
        return start >= 0 ? 0 : Math.min(kernel[i], ceilDiv(-start, dilations[i]));
    }

    /** One past the last tap of output {@code o} inside {@code [0, limit)} along dimension {@code i}. */
    int endTap(int i, int o, int limit) {
        int start = o * strides[i] - padBegin[i];
        return limit <= start ? 0 : Math.min(kernel[i], ceilDiv(limit - start, dilations[i]));
    }

    /** Number of taps of output {@code o} reading the input (not padding) along dimension {@code i}. */
    int validTaps(int i, int o) {
        return Math.max(0, endTap(i, o, input[i]) - firstTap(i, o));
    }

    /**
     * Resolves padding and output sizes from the attributes, checking them against the input.
     *
     * @param pads ONNX {@code pads} (all begins then all ends), or null
     */
    static WindowGeometry resolve(OpContext ctx, int[] input, int[] kernel, int[] strides, int[] dilations,
                                  int[] pads, AutoPad autoPad, boolean ceilMode) {
        int r = input.length;
        check(ctx, kernel, r, "kernel_shape", 1);
        check(ctx, strides, r, "strides", 1);
        check(ctx, dilations, r, "dilations", 1);
        if (pads != null) {
            if (pads.length != 2 * r) {
                throw ctx.error("pads has " + pads.length + " values; expected " + 2 * r + " for " + r + " spatial dimensions");
            }
            for (int p : pads) {
                if (p < 0) {
                    throw ctx.error("negative pads " + Arrays.toString(pads) + " are not supported");
                }
            }
            if (autoPad != AutoPad.NOTSET && Arrays.stream(pads).anyMatch(p -> p != 0)) {
                throw ctx.error("pads and auto_pad " + autoPad + " cannot be used together");
            }
        }
        int[] begin = new int[r];
        int[] end = new int[r];
        int[] out = new int[r];
        for (int i = 0; i < r; i++) {
            int span = (kernel[i] - 1) * dilations[i] + 1;
            switch (autoPad) {
                case NOTSET -> {
                    begin[i] = pads == null ? 0 : pads[i];
                    end[i] = pads == null ? 0 : pads[r + i];
                }
                case VALID -> {
                    begin[i] = 0;
                    end[i] = 0;
                }
                case SAME_UPPER, SAME_LOWER -> {
                    int o = ceilDiv(input[i], strides[i]);
                    int total = Math.max(0, (o - 1) * strides[i] + span - input[i]);
                    begin[i] = autoPad == AutoPad.SAME_UPPER ? total / 2 : total - total / 2;
                    end[i] = total - begin[i];
                }
            }
            int room = input[i] + begin[i] + end[i] - span;
            if (room < 0) {
                throw ctx.error("the window (kernel " + kernel[i] + ", dilation " + dilations[i] + ") is larger than the padded input ("
                        + (input[i] + begin[i] + end[i]) + ") along spatial dimension " + i);
            }
            if (autoPad == AutoPad.SAME_UPPER || autoPad == AutoPad.SAME_LOWER) {
                out[i] = ceilDiv(input[i], strides[i]);
            } else if (ceilMode) {
                out[i] = ceilDiv(room, strides[i]) + 1;
                // The last window must start inside the input or its begin padding.
                if ((out[i] - 1) * strides[i] >= input[i] + begin[i]) {
                    out[i]--;
                }
            } else {
                out[i] = room / strides[i] + 1;
            }
        }
        return new WindowGeometry(input, kernel, strides, dilations, begin, end, out);
    }

    private static void check(OpContext ctx, int[] values, int rank, String name, int min) {
        if (values.length != rank) {
            throw ctx.error(name + " has " + values.length + " values; expected " + rank + " for " + rank + " spatial dimensions");
        }
        for (int v : values) {
            if (v < min) {
                throw ctx.error(name + " values must be at least " + min + ", got " + Arrays.toString(values));
            }
        }
    }

    private static int ceilDiv(int a, int b) {
        return -Math.floorDiv(-a, b);
    }
}
