package dev.edgec.harness;

import dev.edgec.ir.Tensor;

/**
 * Named tolerances for comparing edgec's outputs with a reference (STYLE.md 13). Floating outputs
 * are compared elementwise; integer and bool outputs must match exactly under every tolerance.
 */
public enum Tolerance {
    /** Bit-exact. */
    EXACT(0, 0, false),
    /** The ONNX backend-test tolerance: |a - r| ≤ atol + rtol·|r| per element. */
    ONNX_BACKEND(1e-3, 1e-7, false),
    /** The model zoo's bound (issue 2): max|a - r| ≤ 1e-4·max|r| + 1e-5 over the whole tensor. */
    ZOO(1e-4, 1e-5, true);

    private final double rtol;
    private final double atol;
    private final boolean relativeToMax;

    Tolerance(double rtol, double atol, boolean relativeToMax) {
        this.rtol = rtol;
        this.atol = atol;
        this.relativeToMax = relativeToMax;
    }

    /** Null if {@code actual} matches {@code reference}, else a message naming the worst element. */
    public String mismatch(Tensor actual, Tensor reference) {
        if (!actual.type().equals(reference.type())) {
            return "type " + actual.type() + " but the reference is " + reference.type();
        }
        int n = reference.elementCount();
        if (!reference.dataType().isFloating()) {
            for (int i = 0; i < n; i++) {
                if (actual.getLong(i) != reference.getLong(i)) {
                    return "element " + i + " is " + actual.getLong(i) + ", reference " + reference.getLong(i);
                }
            }
            return null;
        }
        double maxRef = 0;
        for (int i = 0; i < n; i++) {
            double r = reference.getDouble(i);
            if (Double.isFinite(r)) {
                maxRef = Math.max(maxRef, Math.abs(r));
            }
        }
        for (int i = 0; i < n; i++) {
            double a = actual.getDouble(i);
            double r = reference.getDouble(i);
            if (Double.isNaN(r) || Double.isNaN(a)) {
                if (Double.isNaN(r) != Double.isNaN(a)) {
                    return "element " + i + " is " + a + ", reference " + r;
                }
                continue;
            }
            if (Double.isInfinite(r) || Double.isInfinite(a)) {
                if (a != r) {
                    return "element " + i + " is " + a + ", reference " + r;
                }
                continue;
            }
            double bound = atol + rtol * (relativeToMax ? maxRef : Math.abs(r));
            if (Math.abs(a - r) > bound) {
                return "element " + i + " is " + a + ", reference " + r + " (|diff| " + Math.abs(a - r) + " > " + bound + ")";
            }
        }
        return null;
    }

    /** Largest absolute elementwise difference (0 for integer types that match). */
    public static double maxAbsError(Tensor actual, Tensor reference) {
        double worst = 0;
        for (int i = 0; i < reference.elementCount(); i++) {
            double d = Math.abs(actual.getDouble(i) - reference.getDouble(i));
            if (!Double.isNaN(d)) {
                worst = Math.max(worst, d);
            }
        }
        return worst;
    }
}
