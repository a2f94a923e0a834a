package dev.edgec.core.quant.ptq;

import dev.edgec.ir.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Second calibration pass for {@link CalibrationMethod#PERCENTILE}: a histogram of each tensor over its
 * min/max range from the first pass, from which the (100 − p)th and pth percentiles are read. 4096
 * bins keep the error of the clipped bound under 1/4096 of the full range.
 */
public final class PercentileCollector {
    static final int BINS = 4096;

    private final Map<String, ActivationRange> fullRanges;
    private final Map<String, long[]> histograms = new LinkedHashMap<>();

    public PercentileCollector(Map<String, ActivationRange> fullRanges) {
        this.fullRanges = fullRanges;
    }

    /** Adds one sample's values of tensor {@code name}, which must have a range from the first pass. */
    public void observe(String name, Tensor values) {
        ActivationRange r = fullRanges.get(name);
        if (r == null) {
            throw new IllegalArgumentException("no min/max range for tensor '" + name + "'");
        }
        long[] h = histograms.computeIfAbsent(name, k -> new long[BINS]);
        double width = r.max() - r.min();
        int n = values.elementCount();
        for (int i = 0; i < n; i++) {
            double v = values.getDouble(i);
            if (!Double.isFinite(v)) {
                continue; // as the min/max pass: NaNs and infinities set no range
            }
            int bin = width > 0 ? (int) ((v - r.min()) / width * BINS) : 0;
            h[Math.max(0, Math.min(BINS - 1, bin))]++;
        }
    }

    /**
     * The ranges clipped at the given percentile (e.g. 99.99): each tail keeps at most (100 − p)% of
     * the values outside the range. Tensors never observed keep their full range.
     */
    public Map<String, ActivationRange> ranges(double percentile) {
        if (!(percentile > 50 && percentile <= 100)) {
            throw new IllegalArgumentException("percentile must be in (50, 100], got " + percentile);
        }
        double tail = (100 - percentile) / 100;
        Map<String, ActivationRange> out = new LinkedHashMap<>();
        fullRanges.forEach((name, r) -> {
            long[] h = histograms.get(name);
            out.put(name, h == null ? r : clip(r, h, tail));
        });
        return out;
    }

    private static ActivationRange clip(ActivationRange r, long[] h, double tail) {
        long total = 0;
        for (long c : h) {
            total += c;
        }
        double binWidth = (r.max() - r.min()) / BINS;
        long allowed = (long) Math.floor(tail * total);
        int loBin = 0;
        long below = 0;
        while (loBin < BINS - 1 && below + h[loBin] <= allowed) {
            below += h[loBin++];
        }
        int hiBin = BINS - 1;
        long above = 0;
        while (hiBin > loBin && above + h[hiBin] <= allowed) {
            above += h[hiBin--];
        }
        double lo = loBin == 0 ? r.min() : r.min() + loBin * binWidth;
        double hi = hiBin == BINS - 1 ? r.max() : r.min() + (hiBin + 1) * binWidth;
        return r.withRange(lo, Math.max(lo, hi));
    }
}
