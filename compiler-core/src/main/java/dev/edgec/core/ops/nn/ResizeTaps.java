package dev.edgec.core.ops.nn;

import java.util.Arrays;

/**
 * The input positions and weights that make each output position along one axis of a Resize:
 * output {@code o} is the sum over {@code t < taps} of {@code weight[o][t] * input[index[o][t]]},
 * unless {@code inside[o]} is false (tf_crop_and_resize outside the input: the extrapolation value).
 * Computed at compile time in float32 as ONNX Runtime computes its coefficients.
 */
record ResizeTaps(int taps, int[][] index, float[][] weight, boolean[] inside) {

    static ResizeTaps of(ResizeMode mode, int in, int out, float scale, float roiStart, float roiEnd) {
        if (mode.antialias()) {
            return antialiased(mode, in, out, scale, roiStart, roiEnd).simplified();
        }
        int taps = switch (mode.interpolation()) {
            case NEAREST -> 1;
            case LINEAR -> 2;
            case CUBIC -> 4;
        };
        int[][] index = new int[out][taps];
        float[][] weight = new float[out][taps];
        boolean[] inside = new boolean[out];
        for (int o = 0; o < out; o++) {
            float x = mode.transform().apply(o, scale, in, out, roiStart, roiEnd);
            inside[o] = mode.transform() != ResizeMode.CoordinateTransform.TF_CROP_AND_RESIZE || (x >= 0 && x <= in - 1);
            switch (mode.interpolation()) {
                case NEAREST -> {
                    index[o][0] = clamp(mode.rounding().apply(x, scale < 1), in);
                    weight[o][0] = 1f;
                }
                case LINEAR -> linear(x, in, index[o], weight[o]);
                case CUBIC -> cubic(x, in, mode, index[o], weight[o]);
            }
        }
        return new ResizeTaps(taps, index, weight, inside).simplified();
    }

    /**
     * Antialiased linear or cubic taps: the filter (support 2 or 4 input pixels) is stretched by
     * {@code 1 / scale} when downsampling, centred on the transformed coordinate + 0.5; weights are
     * normalized to sum 1. Taps outside the input either go to the edge pixel or, with
     * exclude_outside, are dropped before normalizing.
     */
    private static ResizeTaps antialiased(ResizeMode mode, int in, int out, float rscale, float roiStart, float roiEnd) {
        boolean cubic = mode.interpolation() == ResizeMode.Interpolation.CUBIC;
        float scale = 1f / rscale;
        float supportSize = cubic ? 4f : 2f;
        float support = scale >= 1f ? supportSize * 0.5f * scale : supportSize * 0.5f;
        float invScale = scale >= 1f ? 1f / scale : 1f;
        int taps = (int) Math.ceil(support) * 2 + 1;
        int[][] index = new int[out][taps];
        float[][] weight = new float[out][taps];
        boolean[] inside = new boolean[out];
        for (int o = 0; o < out; o++) {
            float x = scale == 1f ? o : mode.transform().apply(o, rscale, in, out, roiStart, roiEnd);
            float center = 0.5f + x;
            inside[o] = mode.transform() != ResizeMode.CoordinateTransform.TF_CROP_AND_RESIZE || (x >= 0 && x <= in - 1);
            int first = (int) Math.floor(center - support + 0.5f);
            int last = (int) Math.floor(center + support + 0.5f);
            last = first + Math.max(0, Math.min(last - first, taps));
            if (mode.excludeOutside()) {
                first = Math.max(0, Math.min(first, in));
                last = Math.max(0, Math.min(last, in));
            }
            float total = 0;
            for (int i = first; i < last; i++) {
                float w = filter((i - center + 0.5f) * invScale, cubic, mode.cubicA());
                index[o][i - first] = clamp(i, in);
                weight[o][i - first] = w;
                total += w;
            }
            float inverse = total == 0f ? 1f : 1f / total;
            for (int t = 0; t < taps; t++) {
                weight[o][t] *= inverse;
            }
        }
        return new ResizeTaps(taps, index, weight, inside);
    }

    private static float filter(float x, boolean cubic, float a) {
        x = Math.abs(x);
        if (!cubic) {
            return x < 1f ? 1f - x : 0f;
        }
        if (x < 1f) {
            return ((a + 2f) * x - (a + 3f)) * x * x + 1;
        }
        return x < 2f ? (((x - 5f) * x + 8f) * x - 4f) * a : 0f;
    }

    private static int clamp(int i, int in) {
        return Math.max(0, Math.min(i, in - 1));
    }

    private static void linear(float x, int in, int[] index, float[] weight) {
        float c = Math.max(0f, Math.min(x, in - 1));
        int x1 = Math.min((int) c, in - 1);
        int x2 = Math.min(x1 + 1, in - 1);
        float d1 = Math.abs(c - x1);
        float d2 = Math.abs(c - x2);
        if (x1 == x2) {
            d1 = 0.5f;
            d2 = 0.5f;
        }
        index[0] = x1;
        index[1] = x2;
        weight[0] = d2;
        weight[1] = d1;
    }

    private static void cubic(float x, int in, ResizeMode mode, int[] index, float[] weight) {
        float a = mode.cubicA();
        int base = (int) Math.floor(x);
        float s = x - base;
        float s1 = s + 1;
        float s2 = 1 - s;
        float s3 = 2 - s;
        weight[0] = ((a * s1 - 5 * a) * s1 + 8 * a) * s1 - 4 * a;
        weight[1] = ((a + 2) * s - (a + 3)) * s * s + 1;
        weight[2] = ((a + 2) * s2 - (a + 3)) * s2 * s2 + 1;
        weight[3] = ((a * s3 - 5 * a) * s3 + 8 * a) * s3 - 4 * a;
        float sum = 0;
        for (int t = 0; t < 4; t++) {
            int i = base - 1 + t;
            if (mode.excludeOutside() && (i < 0 || i >= in)) {
                weight[t] = 0;
            }
            sum += weight[t];
            index[t] = clamp(i, in);
        }
        if (mode.excludeOutside()) {
            for (int t = 0; t < 4; t++) {
                weight[t] /= sum;
            }
        }
    }

    /** One tap per output when every output reads exactly one input position with weight 1 (the axis is not resized). */
    private ResizeTaps simplified() {
        if (taps == 1) {
            return this;
        }
        int[][] single = new int[index.length][1];
        for (int o = 0; o < index.length; o++) {
            int only = -1;
            float total = 0;
            for (int t = 0; t < taps; t++) {
                if (weight[o][t] == 0) {
                    continue;
                }
                if (only >= 0 && index[o][t] != only) {
                    return this;
                }
                only = index[o][t];
                total += weight[o][t];
            }
            if (only < 0 || total != 1f) {
                return this;
            }
            single[o][0] = only;
        }
        float[][] ones = new float[index.length][1];
        for (float[] w : ones) {
            Arrays.fill(w, 1f);
        }
        return new ResizeTaps(1, single, ones, inside);
    }

    boolean allInside() {
        for (boolean b : inside) {
            if (!b) {
                return false;
            }
        }
        return true;
    }
}
