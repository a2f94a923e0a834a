package dev.edgec.core.quant.ptq;

import dev.edgec.ir.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/** Collects the smallest and largest value of each named float tensor over calibration samples. */
public final class MinMaxCollector {
    private final Map<String, double[]> ranges = new LinkedHashMap<>();

    /** Adds one sample's values of tensor {@code name}; NaNs are ignored. */
    public void observe(String name, Tensor values) {
        double[] r = ranges.computeIfAbsent(name, k -> new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY});
        int n = values.elementCount();
        for (int i = 0; i < n; i++) {
            double v = values.getDouble(i);
            if (v < r[0]) {
                r[0] = v;
            }
            if (v > r[1]) {
                r[1] = v;
            }
        }
    }

    /** The range of every observed tensor; a tensor that held only NaNs gets [0, 0]. */
    public Map<String, ActivationRange> ranges() {
        Map<String, ActivationRange> out = new LinkedHashMap<>();
        ranges.forEach((name, r) -> out.put(name, r[0] <= r[1] ? new ActivationRange(r[0], r[1]) : new ActivationRange(0, 0)));
        return out;
    }
}
