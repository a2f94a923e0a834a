package dev.edgec.core.ops.nn;

/** How Resize and Upsample map output coordinates to input coordinates and interpolate there. */
record ResizeMode(Interpolation interpolation, CoordinateTransform transform, NearestRounding rounding,
                  float cubicA, boolean excludeOutside, float extrapolationValue, boolean antialias) {

    enum Interpolation { NEAREST, LINEAR, CUBIC }

    /** ONNX {@code coordinate_transformation_mode}. */
    enum CoordinateTransform {
        HALF_PIXEL, HALF_PIXEL_SYMMETRIC, PYTORCH_HALF_PIXEL, ALIGN_CORNERS, ASYMMETRIC, TF_HALF_PIXEL_FOR_NN,
        TF_CROP_AND_RESIZE;

        /**
         * The input coordinate of output coordinate {@code o}, in float32 as ONNX Runtime computes it
         * (float rounding decides which pixel "nearest" picks at ties).
         */
        float apply(int o, float scale, int in, int out, float roiStart, float roiEnd) {
            float x = o;
            return switch (this) {
                case HALF_PIXEL -> (x + 0.5f) / scale - 0.5f;
                case HALF_PIXEL_SYMMETRIC -> {
                    float adjustment = out / (scale * in);
                    float center = in / 2f;
                    float offset = center * (1 - adjustment);
                    yield offset + (x + 0.5f) / scale - 0.5f;
                }
                case PYTORCH_HALF_PIXEL -> out > 1 ? (x + 0.5f) / scale - 0.5f : 0f;
                case ALIGN_CORNERS -> out == 1 ? 0f : x * (in - 1) / (out - 1);
                case ASYMMETRIC -> x / scale;
                case TF_HALF_PIXEL_FOR_NN -> (x + 0.5f) / scale;
                case TF_CROP_AND_RESIZE -> out > 1
                        ? roiStart * (in - 1) + (x * (roiEnd - roiStart) * (in - 1)) / (out - 1)
                        : 0.5f * (roiStart + roiEnd) * (in - 1);
            };
        }
    }

    /** ONNX {@code nearest_mode}; SIMPLE is the rule of Upsample and Resize-10. */
    enum NearestRounding {
        ROUND_PREFER_FLOOR, ROUND_PREFER_CEIL, FLOOR, CEIL, SIMPLE;

        int apply(float x, boolean downsampling) {
            return switch (this) {
                case ROUND_PREFER_FLOOR -> x == (float) Math.floor(x) + 0.5f ? (int) Math.floor(x) : (int) roundHalfAway(x);
                case ROUND_PREFER_CEIL -> (int) roundHalfAway(x);
                case FLOOR -> (int) Math.floor(x);
                case CEIL -> (int) Math.ceil(x);
                case SIMPLE -> downsampling ? (int) Math.ceil(x) : (int) x;
            };
        }

        private static double roundHalfAway(float x) {
            return x < 0 ? -Math.floor(-x + 0.5) : Math.floor(x + 0.5);
        }
    }
}
