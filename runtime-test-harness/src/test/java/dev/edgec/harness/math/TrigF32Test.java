package dev.edgec.harness.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgec.core.lower.MathFunction;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Checks the error bound that {@code lower/math/TrigF32}'s Javadoc claims for sin, cos and tan, in Chicory. */
class TrigF32Test {
    private static final double CLAIMED_ULPS = 1;

    static Stream<Arguments> functions() {
        return Stream.of(Arguments.of(MathFunction.SIN_F32, (DoubleUnaryOperator) Math::sin),
                Arguments.of(MathFunction.COS_F32, (DoubleUnaryOperator) Math::cos),
                Arguments.of(MathFunction.TAN_F32, (DoubleUnaryOperator) Math::tan));
    }

    @ParameterizedTest
    @MethodSource("functions")
    void errorWithinTheDocumentedBound(MathFunction f, DoubleUnaryOperator exact) {
        float[] xs = MathSweep.concat(MathSweep.byBits(-1e6f, 1e6f, 1 << 19), MathSweep.uniform(-10f, 10f, 1 << 18));
        MathSweep.Worst worst = MathSweep.worstError(f, xs, exact);
        assertTrue(worst.ulps() <= CLAIMED_ULPS, f + " error " + worst);
    }

    @ParameterizedTest
    @MethodSource("functions")
    void nanAndInfinitiesGiveNaN(MathFunction f, DoubleUnaryOperator exact) {
        float[] ys = MathSweep.evaluate(f, new float[]{Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
                0f, 3e38f});
        assertTrue(Float.isNaN(ys[0]) && Float.isNaN(ys[1]) && Float.isNaN(ys[2]));
        assertEquals((float) exact.applyAsDouble(0), ys[3]);
        assertTrue(Math.abs(ys[4]) <= 1 || f == MathFunction.TAN_F32, "huge arguments stay bounded");
    }
}
