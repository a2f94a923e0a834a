package dev.edgec.core.ops.nn;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.core.ops.Operator;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.TensorType;
import java.util.List;

/**
 * ONNX RoiAlign (opsets 10–21) on float32 X (N, C, H, W), rois (R, 4) as (x1, y1, x2, y2) and int64
 * batch_indices (R): Y (R, C, output_height, output_width) pools each bin of each region from bilinear
 * samples of X, by average or (mode max) the largest weighted corner of each sample, as the ONNX spec
 * defines max. coordinate_transformation_mode (≥16, default half_pixel; opset 10 behaves as
 * output_half_pixel) says whether rois are shifted by half a pixel. batch_indices are run-time data: one
 * outside [0, N) makes {@code run()} fail with INDEX_OUT_OF_RANGE. See {@link RoiAlignKernel}.
 */
public final class RoiAlignOp implements Operator {
    /** Largest sampling_ratio accepted, also the cap on the per-axis sample count derived from a region. */
    static final int MAX_SAMPLES_PER_AXIS = (1 << 15) - 1;

    record Plan(int n, int c, int h, int w, int rois, int outH, int outW, boolean max, boolean halfPixel,
                int samplingRatio, float spatialScale) {
    }

    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        Plan p = plan(ctx);
        return List.of(new TensorType(DataType.FLOAT32, Shape.of(p.rois(), p.c(), p.outH(), p.outW())));
    }

    static Plan plan(OpContext ctx) {
        ctx.expectInputs(3, 3);
        ctx.expectType(0, List.of(DataType.FLOAT32));
        ctx.expectType(1, List.of(DataType.FLOAT32));
        ctx.expectType(2, List.of(DataType.INT64));
        boolean halfPixel = false;
        if (ctx.opset() >= 16) {
            String t = ctx.attrs().getString("coordinate_transformation_mode", "half_pixel");
            halfPixel = switch (t) {
                case "half_pixel" -> true;
                case "output_half_pixel" -> false;
                default -> throw ctx.error("coordinate_transformation_mode must be half_pixel or output_half_pixel, got '"
                        + t + "'");
            };
        }
        String m = ctx.attrs().getString("mode", "avg");
        if (!m.equals("avg") && !m.equals("max")) {
            throw ctx.error("mode must be avg or max, got '" + m + "'");
        }
        long outH = ctx.attrs().getInt("output_height", 1);
        long outW = ctx.attrs().getInt("output_width", 1);
        long ratio = ctx.attrs().getInt("sampling_ratio", 0);
        float scale = ctx.attrs().getFloat("spatial_scale", 1f);
        if (outH < 1 || outW < 1 || outH > Integer.MAX_VALUE || outW > Integer.MAX_VALUE) {
            throw ctx.error("output_height and output_width must be positive, got " + outH + " and " + outW);
        }
        if (ratio < 0 || ratio > MAX_SAMPLES_PER_AXIS) {
            throw ctx.error("sampling_ratio must be in [0, " + MAX_SAMPLES_PER_AXIS + "], got " + ratio);
        }
        Shape x = ctx.inputType(0).shape();
        Shape rois = ctx.inputType(1).shape();
        Shape indices = ctx.inputType(2).shape();
        if (x.rank() != 4) {
            throw ctx.error("input X must be 4-D (N, C, H, W), got " + x);
        }
        if (rois.rank() != 2 || rois.dim(1) != 4) {
            throw ctx.error("rois must have shape (num_rois, 4), got " + rois);
        }
        if (indices.rank() != 1 || indices.dim(0) != rois.dim(0)) {
            throw ctx.error("batch_indices must have shape (" + rois.dim(0) + "), got " + indices);
        }
        return new Plan(x.dim(0), x.dim(1), x.dim(2), x.dim(3), rois.dim(0), (int) outH, (int) outW, m.equals("max"),
                halfPixel, (int) ratio, scale);
    }

    @Override
    public void lower(OpContext ctx, KernelWriter k) {
        new RoiAlignKernel(k, plan(ctx), k.address(ctx.inputName(0)), k.address(ctx.inputName(1)),
                k.address(ctx.inputName(2)), k.address(ctx.outputName(0))).emit();
    }
}
