package dev.edgec.core.quant.ptq;

import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How closely a quantized model follows its float original over a set of samples, per output: the
 * largest and mean absolute difference and, for classifier outputs, how often both pick the same top-1 class.
 */
public final class AccuracyReport {
    private final List<String> names;
    private final double[] maxAbs;
    private final double[] sumAbs;
    private final long[] count;
    private final int[] agree;
    private final boolean[] classifier;
    private int samples;

    /** @param classifierOutputs which outputs hold class scores (see {@link #looksLikeClassifier}) */
    public AccuracyReport(List<String> outputNames, List<Boolean> classifierOutputs) {
        this.names = List.copyOf(outputNames);
        int n = names.size();
        maxAbs = new double[n];
        sumAbs = new double[n];
        count = new long[n];
        agree = new int[n];
        classifier = new boolean[n];
        for (int i = 0; i < n; i++) {
            classifier[i] = classifierOutputs.get(i);
        }
    }

    /**
     * An output holds class scores when it is a vector of at least 2 values (shape [classes] or
     * [1, classes]) and not the size of an input (an autoencoder's reconstruction is not a classification).
     */
    public static boolean looksLikeClassifier(Shape output, List<Shape> inputs) {
        int[] dims = output.dims();
        int n = output.elementCount();
        boolean vector = n >= 2 && (dims.length == 1 || dims.length == 2 && dims[0] == 1);
        return vector && inputs.stream().noneMatch(s -> s.elementCount() == n);
    }

    /** Adds one sample: the float model's and the quantized model's outputs, in the same order. */
    public void add(List<Tensor> reference, List<Tensor> quantized) {
        for (int o = 0; o < names.size(); o++) {
            Tensor r = reference.get(o);
            Tensor q = quantized.get(o);
            int n = r.elementCount();
            for (int i = 0; i < n; i++) {
                double d = Math.abs(r.getDouble(i) - q.getDouble(i));
                if (!(d <= maxAbs[o])) {
                    maxAbs[o] = d;
                }
                sumAbs[o] += d;
            }
            count[o] += n;
            if (classifier[o] && argmax(r) == argmax(q)) {
                agree[o]++;
            }
        }
        samples++;
    }

    public int samples() {
        return samples;
    }

    public double maxAbsError(int output) {
        return maxAbs[output];
    }

    public double meanAbsError(int output) {
        return count[output] == 0 ? 0 : sumAbs[output] / count[output];
    }

    public boolean isClassifier(int output) {
        return classifier[output];
    }

    /** The fraction of samples whose top-1 class agrees (for classifier outputs). */
    public double top1Agreement(int output) {
        return samples == 0 ? 1 : (double) agree[output] / samples;
    }

    /** One line per output, e.g. {@code output 'logits': max abs error 0.0123, mean abs error 0.0021, top-1 agreement 99/100 (99.0%)}. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        for (int o = 0; o < names.size(); o++) {
            String line = String.format(Locale.ROOT, "output '%s': max abs error %.4g, mean abs error %.4g", names.get(o),
                    maxAbs[o], meanAbsError(o));
            if (classifier[o]) {
                line += String.format(Locale.ROOT, ", top-1 agreement %d/%d (%.1f%%)", agree[o], samples,
                        100 * top1Agreement(o));
            }
            out.add(line);
        }
        return out;
    }

    /** The top-1 class the report compares: the index of the largest value, the first one on ties. */
    public static int argmax(Tensor t) {
        int best = 0;
        for (int i = 1; i < t.elementCount(); i++) {
            if (t.getDouble(i) > t.getDouble(best)) {
                best = i;
            }
        }
        return best;
    }
}
