package dev.edgec.harness.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgec.core.lower.MathFunction;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Checks the float64 building blocks of the float32 helpers against their documented bounds:
 * LOG_F64 and ATAN_F64 relative to Java's (≤ 1 ulp) Math.log and Math.atan, ERF_F64 absolutely
 * against the decimal series of ErfF32Test.
 */
class Float64HelpersTest {
    private static double[] logUniform(Random rnd, int n, double minExp, double maxExp) {
        double[] xs = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = Math.exp(minExp + rnd.nextDouble() * (maxExp - minExp)) * (i % 2 == 0 ? 1 : -1);
        }
        return xs;
    }

    private static double worstRelative(MathFunction f, double[] xs, DoubleUnaryOperator exact) {
        double[] ys = MathSweep.evaluateF64(f, xs);
        double worst = 0;
        for (int i = 0; i < xs.length; i++) {
            double e = exact.applyAsDouble(xs[i]);
            if (Double.isNaN(e)) {
                assertTrue(Double.isNaN(ys[i]), f + "(" + xs[i] + ")");
                continue;
            }
            worst = Math.max(worst, e == 0 ? Math.abs(ys[i]) : Math.abs(ys[i] - e) / Math.abs(e));
        }
        return worst;
    }

    @Test
    void logWithin1e15Relative() {
        double[] xs = logUniform(new Random(1), 1 << 16, -700, 700);
        for (int i = 0; i < xs.length; i++) {
            xs[i] = Math.abs(xs[i]);
        }
        double worst = worstRelative(MathFunction.LOG_F64, xs, Math::log);
        assertTrue(worst <= 1e-15, "log relative error " + worst);
        double[] special = MathSweep.evaluateF64(MathFunction.LOG_F64, new double[]{0, -1, Double.POSITIVE_INFINITY, 1,
                Double.MIN_VALUE});
        assertEquals(Double.NEGATIVE_INFINITY, special[0]);
        assertTrue(Double.isNaN(special[1]));
        assertEquals(Double.POSITIVE_INFINITY, special[2]);
        assertEquals(0, special[3]);
        assertEquals(Math.log(Double.MIN_VALUE), special[4], 1e-12);
    }

    @Test
    void atanWithin1e14Relative() {
        double worst = worstRelative(MathFunction.ATAN_F64, logUniform(new Random(2), 1 << 16, -30, 30), Math::atan);
        assertTrue(worst <= 1e-14, "atan relative error " + worst);
    }

    @Test
    void erfWithin1e9AbsoluteBelow4AndErfc4Above() {
        Random rnd = new Random(3);
        double[] xs = new double[1 << 12];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = rnd.nextDouble() * 10 - 5;
        }
        double[] ys = MathSweep.evaluateF64(MathFunction.ERF_F64, xs);
        double inner = 0;
        double outer = 0;
        for (int i = 0; i < xs.length; i++) {
            double d = Math.abs(ys[i] - ErfF32Test.erf(xs[i]));
            if (Math.abs(xs[i]) < 4) {
                inner = Math.max(inner, d);
            } else {
                outer = Math.max(outer, d);
            }
        }
        assertTrue(inner <= 1e-9, "erf absolute error below 4: " + inner);
        assertTrue(outer <= 1.6e-8, "erf absolute error from 4 on (erfc 4 = 1.54e-8): " + outer);
    }
}
