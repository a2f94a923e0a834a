package dev.edgec.core.quant.ptq;

import dev.edgec.ir.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Collects the smallest and largest value of each named float tensor over calibration samples, and
 * for tensors of rank ≥ 2 the mean of each index along axis 1 (the channel of NCHW activations, the
 * column of a matrix), which bias correction uses.
 */
public final class MinMaxCollector {
    private final Map<String, double[]> ranges = new LinkedHashMap<>();
    private final Map<String, double[]> channelSums = new LinkedHashMap<>();
    private final Map<String, long[]> channelCounts = new LinkedHashMap<>();

    /** Adds one sample's values of tensor {@code name}; NaNs are ignored. */
    public void observe(String name, Tensor values) {
        double[] r = ranges.computeIfAbsent(name, k -> new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY});
        int n = values.elementCount();
        int[] dims = values.shape().dims();
        int channels = dims.length >= 2 ? dims[1] : 0;
        int inner = channels == 0 ? 1 : n / Math.max(1, dims[0] * channels);
        double[] sums = channels == 0 ? null : channelSums.computeIfAbsent(name, k -> new double[channels]);
        long[] counts = channels == 0 ? null : channelCounts.computeIfAbsent(name, k -> new long[channels]);
        boolean channelsFit = sums != null && sums.length == channels;
        for (int i = 0; i < n; i++) {
            double v = values.getDouble(i);
            if (v < r[0]) {
                r[0] = v;
            }
            if (v > r[1]) {
                r[1] = v;
            }
            if (channelsFit && !Double.isNaN(v)) {
                int c = (i / inner) % channels;
                sums[c] += v;
                counts[c]++;
            }
        }
    }

    /** The range of every observed tensor; a tensor that held only NaNs gets [0, 0]. */
    public Map<String, ActivationRange> ranges() {
        Map<String, ActivationRange> out = new LinkedHashMap<>();
        ranges.forEach((name, r) -> {
            double[] means = null;
            double[] sums = channelSums.get(name);
            if (sums != null) {
                long[] counts = channelCounts.get(name);
                means = new double[sums.length];
                for (int c = 0; c < sums.length; c++) {
                    means[c] = counts[c] == 0 ? 0 : sums[c] / counts[c];
                }
            }
            out.put(name, r[0] <= r[1] ? new ActivationRange(r[0], r[1], means) : new ActivationRange(0, 0, means));
        });
        return out;
    }
}
