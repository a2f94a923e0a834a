package dev.edgec.core.quant.ptq;

/**
 * The calibrated range [min, max] of one activation tensor and, when it has a channel axis (rank ≥ 2,
 * axis 1: NCHW channels, or a matrix's columns), per channel the mean, smallest and largest value over
 * the samples (else null): {@link BiasCorrection} needs the means, {@link GemmInputCentering} all three.
 */
public record ActivationRange(double min, double max, double[] channelMeans, double[] channelMins,
        double[] channelMaxs) {
    public ActivationRange {
        if (Double.isNaN(min) || Double.isNaN(max) || min > max) {
            throw new IllegalArgumentException("bad range [" + min + ", " + max + "]");
        }
    }

    public ActivationRange(double min, double max) {
        this(min, max, null, null, null);
    }

    public ActivationRange(double min, double max, double[] channelMeans) {
        this(min, max, channelMeans, null, null);
    }

    /** The same channel statistics with another range (a percentile clip keeps them). */
    public ActivationRange withRange(double newMin, double newMax) {
        return new ActivationRange(newMin, newMax, channelMeans, channelMins, channelMaxs);
    }

    /** The asymmetric int8 parameters for this range (widened to include 0). */
    public QuantParams int8() {
        return QuantParams.asymmetricInt8(min, max);
    }
}
