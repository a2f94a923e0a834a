package dev.edgec.harness.ops;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** GRU against ONNX Runtime: both reset placements, directions, layouts, initial state, activations. */
class GruTest {
    // layout = 1 (batch-major) is not compared here: ONNX Runtime's CPU kernels reject it. The ONNX
    // backend tests *_batchwise cover it against the reference data (ConformanceSuiteTest).
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(1, 1, 2, 3, "forward", 0, 0L),
                Arguments.of(5, 2, 4, 3, "forward", 0, 1L),
                Arguments.of(4, 3, 3, 5, "reverse", 0, 0L),
                Arguments.of(3, 2, 2, 4, "bidirectional", 0, 1L),
                Arguments.of(3, 2, 2, 4, "bidirectional", 0, 0L));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesOrt(int seq, int batch, int input, int hidden, String dir, int layout, long linearBeforeReset) {
        RecurrentTesting.assertMatchesOrt(RecurrentTesting.model("GRU", 3, seq, batch, input, hidden, dir, layout,
                true, true, false, 2, "linear_before_reset", linearBeforeReset));
    }

    @Test
    void withoutBiasOrInitialState() {
        RecurrentTesting.assertMatchesOrt(RecurrentTesting.model("GRU", 3, 3, 2, 3, 4, "forward", 0, false, false, false, 2));
    }

    @Test
    void otherActivations() {
        RecurrentTesting.assertMatchesOrt(RecurrentTesting.model("GRU", 3, 3, 2, 3, 4, "forward", 0, true, false, false, 2,
                "activations", new String[] {"HardSigmoid", "Relu"}));
    }
}
