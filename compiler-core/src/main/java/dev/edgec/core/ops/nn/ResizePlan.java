package dev.edgec.core.ops.nn;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;

/**
 * A resolved Resize or Upsample: the mode and, per axis, the output size, the scale used by the
 * coordinate transform and the region of interest (tf_crop_and_resize).
 */
record ResizePlan(ResizeMode mode, int[] output, float[] scales, float[] roiStart, float[] roiEnd) {

    /** Output sizes {@code floor(in * scale)}, scale and input size multiplied in float32 as ONNX Runtime does. */
    static ResizePlan fromScales(OpContext ctx, ResizeMode mode, float[] scales, float[] roiStart, float[] roiEnd) {
        int[] in = ctx.inputType(0).shape().dims();
        int[] out = new int[in.length];
        for (int a = 0; a < in.length; a++) {
            if (!(scales[a] > 0) || Float.isInfinite(scales[a])) {
                throw ctx.error("scale " + scales[a] + " of axis " + a + " must be positive and finite");
            }
            out[a] = (int) Math.floor(scales[a] * (float) in[a]);
            if (out[a] < 1 && in[a] > 0) {
                throw ctx.error("scale " + scales[a] + " makes axis " + a + " of size " + in[a] + " empty");
            }
        }
        return new ResizePlan(mode, out, scales, roiStart, roiEnd);
    }

    static float[] fullRoi(int rank, float value) {
        float[] r = new float[rank];
        java.util.Arrays.fill(r, value);
        return r;
    }

    Shape outputShape() {
        return Shape.of(output);
    }

    void lower(OpContext ctx, KernelWriter k) {
        Shape input = ctx.inputType(0).shape();
        ResizeTaps[] taps = new ResizeTaps[output.length];
        for (int a = 0; a < output.length; a++) {
            taps[a] = ResizeTaps.of(mode, input.dim(a), output[a], scales[a], roiStart[a], roiEnd[a]);
        }
        if (ctx.outputType(0).elementCount() == 0) {
            return;
        }
        DataType t = ctx.inputType(0).dataType();
        new ResizeKernel(k, t, input, taps, mode.extrapolationValue())
                .emit(k.address(ctx.inputName(0)), k.address(ctx.outputName(0)));
    }
}
