package dev.edgec.core.ops.nn;

import dev.edgec.core.ops.OpContext;
import dev.edgec.ir.DataType;
import java.util.List;

/**
 * ONNX Upsample (opsets 7–9; deprecated in 10): nearest (any element type) or linear (float32) with
 * output size {@code floor(in * scale)}, the asymmetric coordinate transform and ONNX Runtime's
 * nearest rounding. Scales are an attribute (7–8) or a constant input (9).
 */
public final class UpsampleOp extends ResizeFamilyOp {

    @Override
    ResizePlan plan(OpContext ctx) {
        String m = ctx.attrs().getString("mode", "nearest");
        ResizeMode.Interpolation interpolation = switch (m) {
            case "nearest" -> ResizeMode.Interpolation.NEAREST;
            case "linear", "bilinear" -> ResizeMode.Interpolation.LINEAR;
            default -> throw ctx.error("mode must be nearest or linear, got '" + m + "'");
        };
        ctx.expectType(0, interpolation == ResizeMode.Interpolation.NEAREST ? ResizeOp.NEAREST_TYPES
                : List.of(DataType.FLOAT32));
        int rank = ctx.inputType(0).shape().rank();
        float[] scales;
        if (ctx.opset() < 9) {
            ctx.expectInputs(1, 1);
            scales = ctx.attrs().getFloats("scales", null);
            if (scales == null) {
                throw ctx.error("required attribute 'scales' is missing");
            }
        } else {
            ctx.expectInputs(2, 2);
            ctx.expectType(1, List.of(DataType.FLOAT32));
            scales = ctx.requireConstantInput(1, "scales").toFloats();
        }
        if (scales.length != rank) {
            throw ctx.error("scales has " + scales.length + " values; expected " + rank);
        }
        ResizeMode mode = new ResizeMode(interpolation, ResizeMode.CoordinateTransform.ASYMMETRIC,
                ResizeMode.NearestRounding.SIMPLE, -0.75f, false, 0f, false);
        return ResizePlan.fromScales(ctx, mode, scales, ResizePlan.fullRoi(rank, 0), ResizePlan.fullRoi(rank, 1));
    }
}
