package dev.edgec.core.quant.ptq;

/**
 * The calibrated range [min, max] of one activation tensor and, when it has a channel axis (rank ≥ 2,
 * axis 1: NCHW channels, or a matrix's columns), the mean of each channel over the samples
 * ({@code channelMeans}, else null), which {@link BiasCorrection} needs.
 */
public record ActivationRange(double min, double max, double[] channelMeans) {
    public ActivationRange {
        if (Double.isNaN(min) || Double.isNaN(max) || min > max) {
            throw new IllegalArgumentException("bad range [" + min + ", " + max + "]");
        }
    }

    public ActivationRange(double min, double max) {
        this(min, max, null);
    }

    /** The same channel means with another range (a percentile clip keeps the means). */
    public ActivationRange withRange(double newMin, double newMax) {
        return new ActivationRange(newMin, newMax, channelMeans);
    }

    /** The asymmetric int8 parameters for this range (widened to include 0). */
    public QuantParams int8() {
        return QuantParams.asymmetricInt8(min, max);
    }
}
