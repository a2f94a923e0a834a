package dev.edgec.core.quant.ptq;

import dev.edgec.ir.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Collects the smallest and largest value of each named float tensor over calibration samples, and
 * for tensors of rank ≥ 2 per index along axis 1 (the channel of NCHW activations, the column of a
 * matrix) the mean, smallest and largest value, which bias correction and Gemm input centering use.
 */
public final class MinMaxCollector {
    private final Map<String, double[]> ranges = new LinkedHashMap<>();
    private final Map<String, ChannelStats> channels = new LinkedHashMap<>();

    /** Running per-channel sums, counts and extremes of one tensor. */
    private static final class ChannelStats {
        final double[] sums;
        final long[] counts;
        final double[] mins;
        final double[] maxs;

        ChannelStats(int channels) {
            sums = new double[channels];
            counts = new long[channels];
            mins = new double[channels];
            maxs = new double[channels];
            Arrays.fill(mins, Double.POSITIVE_INFINITY);
            Arrays.fill(maxs, Double.NEGATIVE_INFINITY);
        }
    }

    /** Adds one sample's values of tensor {@code name}; NaNs and infinities are ignored. */
    public void observe(String name, Tensor values) {
        double[] r = ranges.computeIfAbsent(name, k -> new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY});
        int n = values.elementCount();
        int[] dims = values.shape().dims();
        int channelCount = dims.length >= 2 ? dims[1] : 0;
        int inner = channelCount == 0 ? 1 : n / Math.max(1, dims[0] * channelCount);
        ChannelStats stats = channelCount == 0 ? null : channels.computeIfAbsent(name, k -> new ChannelStats(channelCount));
        boolean channelsFit = stats != null && stats.sums.length == channelCount;
        for (int i = 0; i < n; i++) {
            double v = values.getDouble(i);
            if (!Double.isFinite(v)) {
                continue; // an activation that overflows on a sample saturates once quantized: its range stays finite
            }
            if (v < r[0]) {
                r[0] = v;
            }
            if (v > r[1]) {
                r[1] = v;
            }
            if (channelsFit) {
                int c = (i / inner) % channelCount;
                stats.sums[c] += v;
                stats.counts[c]++;
                stats.mins[c] = Math.min(stats.mins[c], v);
                stats.maxs[c] = Math.max(stats.maxs[c], v);
            }
        }
    }

    /** The range of every observed tensor; a tensor that held only NaNs or infinities gets [0, 0]. */
    public Map<String, ActivationRange> ranges() {
        Map<String, ActivationRange> out = new LinkedHashMap<>();
        ranges.forEach((name, r) -> {
            double[] means = null;
            double[] mins = null;
            double[] maxs = null;
            ChannelStats s = channels.get(name);
            if (s != null) {
                means = new double[s.sums.length];
                mins = new double[s.sums.length];
                maxs = new double[s.sums.length];
                for (int c = 0; c < means.length; c++) {
                    boolean seen = s.counts[c] > 0;
                    means[c] = seen ? s.sums[c] / s.counts[c] : 0;
                    mins[c] = seen ? s.mins[c] : 0;
                    maxs[c] = seen ? s.maxs[c] : 0;
                }
            }
            out.put(name, r[0] <= r[1] ? new ActivationRange(r[0], r[1], means, mins, maxs)
                    : new ActivationRange(0, 0, means, mins, maxs));
        });
        return out;
    }
}
