package dev.edgec.cli.report;

import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * What {@code edgec run} prints for one output: type, min/max/mean, the first few values and, for a
 * vector of scores (shape {@code [N]} or {@code [1,N]}), the argmax.
 */
public final class TensorSummary {
    /** How many leading values to show. */
    public static final int SHOWN_VALUES = 8;

    private TensorSummary() {
    }

    /** The summary lines for tensor {@code t} called {@code name}. */
    public static List<String> lines(String name, Tensor t) {
        List<String> out = new ArrayList<>();
        int n = t.elementCount();
        StringBuilder head = new StringBuilder("output '").append(name).append("': ").append(t.type());
        if (n > 0) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            double sum = 0;
            int nans = 0;
            for (int i = 0; i < n; i++) {
                double v = t.getDouble(i);
                if (Double.isNaN(v)) {
                    nans++;
                    continue;
                }
                min = Math.min(min, v);
                max = Math.max(max, v);
                sum += v;
            }
            if (nans < n) {
                head.append("  min ").append(Numbers.format(min)).append("  max ").append(Numbers.format(max))
                        .append("  mean ").append(Numbers.format(sum / (n - nans)));
            }
            if (nans > 0) {
                head.append("  nan ").append(nans);
            }
        }
        out.add(head.toString());
        StringJoiner values = new StringJoiner(", ", "  values: [", n > SHOWN_VALUES ? ", ...]" : "]");
        for (int i = 0; i < Math.min(n, SHOWN_VALUES); i++) {
            values.add(Numbers.element(t, i));
        }
        out.add(values.toString() + (n > SHOWN_VALUES ? " (first " + SHOWN_VALUES + " of " + n + ")" : ""));
        if (isScoreVector(t.shape())) {
            out.add("  argmax: " + argmax(t));
        }
        return out;
    }

    static boolean isScoreVector(Shape s) {
        return (s.rank() == 1 && s.dim(0) > 1) || (s.rank() == 2 && s.dim(0) == 1 && s.dim(1) > 1);
    }

    /** Index of the largest value; the first one on ties; NaNs are skipped. */
    static int argmax(Tensor t) {
        int best = -1;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < t.elementCount(); i++) {
            double v = t.getDouble(i);
            if (!Double.isNaN(v) && (best < 0 || v > bestValue)) {
                best = i;
                bestValue = v;
            }
        }
        return Math.max(best, 0);
    }
}
