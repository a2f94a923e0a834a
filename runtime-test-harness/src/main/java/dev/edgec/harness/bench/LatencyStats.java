package dev.edgec.harness.bench;

import java.util.Arrays;

/**
 * Summary of repeated timings: the median and the 10th–90th percentile spread, in milliseconds. The
 * machine is shared, so the median (not the mean) is the figure to compare and the spread says how
 * noisy it was.
 */
public record LatencyStats(int runs, double medianMs, double p10Ms, double p90Ms) {
    /** Summarizes timings given in nanoseconds. */
    public static LatencyStats ofNanos(long[] nanos) {
        if (nanos.length == 0) {
            throw new IllegalArgumentException("no timings");
        }
        long[] s = nanos.clone();
        Arrays.sort(s);
        return new LatencyStats(s.length, percentile(s, 50) / 1e6, percentile(s, 10) / 1e6, percentile(s, 90) / 1e6);
    }

    /** Linear interpolation between the closest ranks of sorted values. */
    static double percentile(long[] sorted, double p) {
        return percentile(java.util.Arrays.stream(sorted).asDoubleStream().toArray(), p);
    }

    /** The {@code p}th percentile (0–100) of sorted values, interpolating linearly between the closest ranks. */
    public static double percentile(double[] sorted, double p) {
        double rank = p / 100.0 * (sorted.length - 1);
        int lo = (int) Math.floor(rank);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (rank - lo) * (sorted[hi] - sorted[lo]);
    }
}
