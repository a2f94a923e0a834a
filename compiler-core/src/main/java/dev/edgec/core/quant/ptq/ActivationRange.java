package dev.edgec.core.quant.ptq;

/** The calibrated range [min, max] of one activation tensor. */
public record ActivationRange(double min, double max) {
    public ActivationRange {
        if (Double.isNaN(min) || Double.isNaN(max) || min > max) {
            throw new IllegalArgumentException("bad range [" + min + ", " + max + "]");
        }
    }

    /** The asymmetric int8 parameters for this range (widened to include 0). */
    public QuantParams int8() {
        return QuantParams.asymmetricInt8(min, max);
    }
}
