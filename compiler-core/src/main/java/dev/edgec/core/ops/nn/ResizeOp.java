package dev.edgec.core.ops.nn;

import dev.edgec.core.ops.OpContext;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * ONNX Resize (opsets 10–21): nearest (any element type), linear and cubic (float32), every
 * coordinate_transformation_mode and nearest_mode, cubic_coeff_a, exclude_outside,
 * extrapolation_value, and from opset 18 axes and keep_aspect_ratio_policy. Scales, sizes and roi must
 * be constants. Opset 10 uses the asymmetric transform and Upsample's nearest rounding, as ONNX Runtime
 * does. antialias (18+) widens the linear and cubic filters when downsampling, as ONNX Runtime does.
 */
public final class ResizeOp extends ResizeFamilyOp {
    /** The types ONNX Runtime's Resize takes, so each is tested against it. */
    static final List<DataType> NEAREST_TYPES = List.of(DataType.FLOAT32, DataType.INT8, DataType.UINT8, DataType.INT32);

    @Override
    ResizePlan plan(OpContext ctx) {
        int opset = ctx.opset();
        ctx.expectInputs(opset < 11 ? 2 : opset < 13 ? 3 : 1, opset < 11 ? 2 : 4);
        ResizeMode mode = mode(ctx);
        ctx.expectType(0, mode.interpolation() == ResizeMode.Interpolation.NEAREST ? NEAREST_TYPES
                : List.of(DataType.FLOAT32));
        int rank = ctx.inputType(0).shape().rank();
        int[] in = ctx.inputType(0).shape().dims();
        int[] axes = axes(ctx, rank);
        if (opset < 11) {
            return ResizePlan.fromScales(ctx, mode, scales(ctx, 1, axes, rank), ResizePlan.fullRoi(rank, 0),
                    ResizePlan.fullRoi(rank, 1));
        }
        float[] roiStart = ResizePlan.fullRoi(rank, 0);
        float[] roiEnd = ResizePlan.fullRoi(rank, 1);
        if (mode.transform() == ResizeMode.CoordinateTransform.TF_CROP_AND_RESIZE) {
            float[] roi = floats(ctx.requireConstantInput(1, "roi"));
            if (roi.length != 2 * axes.length) {
                throw ctx.error("roi has " + roi.length + " values; expected " + 2 * axes.length);
            }
            for (int i = 0; i < axes.length; i++) {
                roiStart[axes[i]] = roi[i];
                roiEnd[axes[i]] = roi[axes.length + i];
            }
        }
        String policy = opset >= 18 ? ctx.attrs().getString("keep_aspect_ratio_policy", "stretch") : "stretch";
        boolean hasScales = ctx.hasInput(2) && !ctx.inputName(2).isEmpty()
                && ctx.requireConstantInput(2, "scales").elementCount() > 0;
        boolean hasSizes = ctx.hasInput(3) && !ctx.inputName(3).isEmpty();
        if (hasScales == hasSizes) {
            throw ctx.error("exactly one of scales and sizes must be given");
        }
        if (hasScales) {
            return ResizePlan.fromScales(ctx, mode, scales(ctx, 2, axes, rank), roiStart, roiEnd);
        }
        ctx.expectType(3, List.of(DataType.INT64));
        long[] sizes = ctx.requireConstantInput(3, "sizes").toLongs();
        if (sizes.length != axes.length) {
            throw ctx.error("sizes has " + sizes.length + " values; expected " + axes.length);
        }
        int[] out = in.clone();
        float[] scales = new float[rank];
        Arrays.fill(scales, 1f);
        if (policy.equals("stretch")) {
            for (int i = 0; i < axes.length; i++) {
                if (sizes[i] < 1 || sizes[i] > Integer.MAX_VALUE) {
                    throw ctx.error("sizes " + Arrays.toString(sizes) + " must be positive");
                }
                out[axes[i]] = (int) sizes[i];
                scales[axes[i]] = (float) sizes[i] / in[axes[i]];
            }
        } else if (policy.equals("not_larger") || policy.equals("not_smaller")) {
            float scale = policy.equals("not_larger") ? Float.MAX_VALUE : 0f;
            for (int i = 0; i < axes.length; i++) {
                float s = (float) sizes[i] / in[axes[i]];
                scale = policy.equals("not_larger") ? Math.min(scale, s) : Math.max(scale, s);
            }
            for (int a : axes) {
                out[a] = Math.round(scale * in[a]);
                scales[a] = scale;
            }
        } else {
            throw ctx.error("keep_aspect_ratio_policy must be stretch, not_larger or not_smaller, got '" + policy + "'");
        }
        return new ResizePlan(mode, out, scales, roiStart, roiEnd);
    }

    private static int[] axes(OpContext ctx, int rank) {
        long[] given = ctx.opset() >= 18 ? ctx.attrs().getInts("axes", null) : null;
        if (given == null) {
            return java.util.stream.IntStream.range(0, rank).toArray();
        }
        int[] axes = new int[given.length];
        for (int i = 0; i < given.length; i++) {
            if (given[i] < -rank || given[i] >= rank) {
                throw ctx.error("axis " + given[i] + " is out of range for input of rank " + rank);
            }
            axes[i] = (int) (given[i] < 0 ? given[i] + rank : given[i]);
        }
        return axes;
    }

    private static float[] scales(OpContext ctx, int input, int[] axes, int rank) {
        ctx.expectType(input, List.of(DataType.FLOAT32));
        float[] given = floats(ctx.requireConstantInput(input, "scales"));
        if (given.length != axes.length) {
            throw ctx.error("scales has " + given.length + " values; expected " + axes.length);
        }
        float[] scales = new float[rank];
        Arrays.fill(scales, 1f);
        for (int i = 0; i < axes.length; i++) {
            scales[axes[i]] = given[i];
        }
        return scales;
    }

    private static float[] floats(Tensor t) {
        float[] f = new float[t.elementCount()];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) t.getDouble(i);
        }
        return f;
    }

    private static ResizeMode mode(OpContext ctx) {
        int opset = ctx.opset();
        String m = ctx.attrs().getString("mode", "nearest");
        ResizeMode.Interpolation interpolation = switch (m) {
            case "nearest" -> ResizeMode.Interpolation.NEAREST;
            case "linear" -> ResizeMode.Interpolation.LINEAR;
            case "cubic" -> {
                if (opset < 11) {
                    throw ctx.error("mode 'cubic' needs opset 11 or later");
                }
                yield ResizeMode.Interpolation.CUBIC;
            }
            default -> throw ctx.error("mode must be nearest, linear or cubic, got '" + m + "'");
        };
        if (opset < 11) {
            return new ResizeMode(interpolation, ResizeMode.CoordinateTransform.ASYMMETRIC,
                    ResizeMode.NearestRounding.SIMPLE, -0.75f, false, 0f, false);
        }
        boolean antialias = opset >= 18 && ctx.attrs().getInt("antialias", 0) != 0;
        String t = ctx.attrs().getString("coordinate_transformation_mode", "half_pixel");
        ResizeMode.CoordinateTransform transform = switch (t) {
            case "half_pixel" -> ResizeMode.CoordinateTransform.HALF_PIXEL;
            case "half_pixel_symmetric" -> {
                if (opset < 19) {
                    throw ctx.error("coordinate_transformation_mode 'half_pixel_symmetric' needs opset 19 or later");
                }
                yield ResizeMode.CoordinateTransform.HALF_PIXEL_SYMMETRIC;
            }
            case "pytorch_half_pixel" -> ResizeMode.CoordinateTransform.PYTORCH_HALF_PIXEL;
            case "align_corners" -> ResizeMode.CoordinateTransform.ALIGN_CORNERS;
            case "asymmetric" -> ResizeMode.CoordinateTransform.ASYMMETRIC;
            case "tf_half_pixel_for_nn" -> ResizeMode.CoordinateTransform.TF_HALF_PIXEL_FOR_NN;
            case "tf_crop_and_resize" -> ResizeMode.CoordinateTransform.TF_CROP_AND_RESIZE;
            default -> throw ctx.error("unknown coordinate_transformation_mode '" + t + "'");
        };
        String n = ctx.attrs().getString("nearest_mode", "round_prefer_floor");
        ResizeMode.NearestRounding rounding = switch (n) {
            case "round_prefer_floor" -> ResizeMode.NearestRounding.ROUND_PREFER_FLOOR;
            case "round_prefer_ceil" -> ResizeMode.NearestRounding.ROUND_PREFER_CEIL;
            case "floor" -> ResizeMode.NearestRounding.FLOOR;
            case "ceil" -> ResizeMode.NearestRounding.CEIL;
            default -> throw ctx.error("unknown nearest_mode '" + n + "'");
        };
        float a = ctx.attrs().getFloat("cubic_coeff_a", -0.75f);
        boolean exclude = ctx.attrs().getInt("exclude_outside", 0) != 0;
        float extrapolation = ctx.attrs().getFloat("extrapolation_value", 0f);
        return new ResizeMode(interpolation, transform, rounding, a, exclude, extrapolation,
                antialias && interpolation != ResizeMode.Interpolation.NEAREST);
    }
}
