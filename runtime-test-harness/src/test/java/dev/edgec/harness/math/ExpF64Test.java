package dev.edgec.harness.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgec.core.lower.MathFunction;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Checks the error bound that {@code lower/math/ExpF64}'s Javadoc claims, running it in Chicory. The
 * reference is e^x summed in 25-digit decimals (Math.exp itself may be 1 ulp off), and the error is
 * counted in float64 ulps of the exact value.
 */
class ExpF64Test {
    /** The bound ExpF64's Javadoc states. */
    private static final double CLAIMED_ULPS = 2;
    private static final MathContext DIGITS = new MathContext(25);
    private static final BigDecimal E = exp1();
    private static final Map<Long, BigDecimal> POWERS = new HashMap<>();
    private static final BigDecimal[] INVERSE_FACTORIALS = inverseFactorials();

    @Test
    void errorOverMinus746To710IsWithinTheDocumentedBound() {
        Random rnd = new Random(5);
        double[] xs = new double[1 << 15];
        for (int i = 0; i < xs.length; i++) {
            // half uniform over the whole range, half near zero where most arguments of LogSumExp fall
            xs[i] = i % 2 == 0 ? -746 + rnd.nextDouble() * 1456 : (rnd.nextDouble() * 2 - 1) * Math.pow(2, -rnd.nextInt(40));
        }
        double[] ys = MathSweep.evaluateF64(MathFunction.EXP_F64, xs);
        double worst = 0;
        double worstX = Double.NaN;
        for (int i = 0; i < xs.length; i++) {
            double u = ulps(ys[i], xs[i]);
            if (u > worst) {
                worst = u;
                worstX = xs[i];
            }
        }
        assertTrue(worst <= CLAIMED_ULPS, "exp error " + worst + " ulp at x = " + worstX);
    }

    @Test
    void specialValues() {
        double[] xs = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0, -0.0, 710, -746, 709.78, -745.1};
        double[] ys = MathSweep.evaluateF64(MathFunction.EXP_F64, xs);
        assertTrue(Double.isNaN(ys[0]));
        assertEquals(Double.POSITIVE_INFINITY, ys[1]);
        assertEquals(0.0, ys[2]);
        assertEquals(1.0, ys[3]);
        assertEquals(1.0, ys[4]);
        assertEquals(Double.POSITIVE_INFINITY, ys[5]);
        assertEquals(0.0, ys[6]);
        assertEquals(Math.exp(709.78), ys[7], Math.ulp(Math.exp(709.78)) * 2);
        assertEquals(Double.MIN_VALUE, ys[8]);
    }

    /** |actual - e^x| in float64 ulps of e^x (subnormal ulps count as Double.MIN_VALUE). */
    private static double ulps(double actual, double x) {
        BigDecimal exact = exp(x);
        double rounded = exact.doubleValue();
        if (rounded == 0 || Double.isInfinite(rounded)) {
            return rounded == actual ? 0 : Double.POSITIVE_INFINITY;
        }
        double ulp = Math.max(Math.scalb(1.0, Math.getExponent(rounded) - 52), Double.MIN_VALUE);
        return new BigDecimal(actual).subtract(exact).abs().doubleValue() / ulp;
    }

    /** e^x = e^n · e^f with n = round(x) and |f| ≤ 1/2 summed as a series (Horner on 1/i!), in 25 digits. */
    private static BigDecimal exp(double x) {
        long n = Math.round(x);
        BigDecimal f = new BigDecimal(x).subtract(BigDecimal.valueOf(n));
        BigDecimal sum = INVERSE_FACTORIALS[INVERSE_FACTORIALS.length - 1];
        for (int i = INVERSE_FACTORIALS.length - 2; i >= 0; i--) {
            sum = sum.multiply(f, DIGITS).add(INVERSE_FACTORIALS[i], DIGITS);
        }
        return sum.multiply(POWERS.computeIfAbsent(n, m -> m >= 0 ? E.pow((int) (long) m, DIGITS)
                : BigDecimal.ONE.divide(E.pow((int) -m, DIGITS), DIGITS)), DIGITS);
    }

    /** 1/i! for i = 0 .. 23: the series' terms below 0.5^24/24! are under 1e-31. */
    private static BigDecimal[] inverseFactorials() {
        BigDecimal[] c = new BigDecimal[24];
        c[0] = BigDecimal.ONE;
        for (int i = 1; i < c.length; i++) {
            c[i] = c[i - 1].divide(BigDecimal.valueOf(i), new MathContext(40));
        }
        return c;
    }

    private static BigDecimal exp1() {
        BigDecimal term = BigDecimal.ONE;
        BigDecimal sum = BigDecimal.ONE;
        MathContext wide = new MathContext(60);
        for (int i = 1; i < 60; i++) {
            term = term.divide(BigDecimal.valueOf(i), wide);
            sum = sum.add(term, wide);
        }
        return sum;
    }
}
