package dev.edgec.core.quant.ptq;

import java.util.Locale;

/** How an activation's range is chosen from the values seen during calibration. */
public enum CalibrationMethod {
    /** The smallest and largest value seen. */
    MINMAX,
    /** The values at the (100 − p)th and pth percentiles: clips rare outliers so the common values get finer steps. */
    PERCENTILE;

    /** The name used on the command line. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a command-line name; null when there is none such. */
    public static CalibrationMethod fromCliName(String s) {
        for (CalibrationMethod m : values()) {
            if (m.cliName().equals(s)) {
                return m;
            }
        }
        return null;
    }
}
