package dev.edgec.harness.ops;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** LSTM against ONNX Runtime: directions, layouts, bias, initial states, peepholes, clip, activations. */
class LstmTest {
    // layout = 1 (batch-major) is not compared here: ONNX Runtime's CPU kernels reject it. The ONNX
    // backend tests *_batchwise cover it against the reference data (ConformanceSuiteTest).
    static Stream<Arguments> shapes() {
        return Stream.of(
                Arguments.of(1, 1, 2, 3, "forward", 0),
                Arguments.of(5, 2, 4, 3, "forward", 0),
                Arguments.of(4, 3, 3, 5, "reverse", 0),
                Arguments.of(3, 2, 2, 4, "bidirectional", 0),
                Arguments.of(3, 3, 2, 3, "bidirectional", 0));
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void matchesOrtWithBiasInitialStatesAndPeepholes(int seq, int batch, int input, int hidden, String dir, int layout) {
        RecurrentTesting.assertMatchesOrt(RecurrentTesting.model("LSTM", 4, seq, batch, input, hidden, dir, layout,
                true, true, true, 3));
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void matchesOrtWithDefaults(int seq, int batch, int input, int hidden, String dir, int layout) {
        RecurrentTesting.assertMatchesOrt(RecurrentTesting.model("LSTM", 4, seq, batch, input, hidden, dir, layout,
                false, false, false, 2));
    }

    @Test
    void clipAndOtherActivations() {
        RecurrentTesting.assertMatchesOrt(RecurrentTesting.model("LSTM", 4, 4, 2, 3, 3, "forward", 0, true, false, false, 3,
                "clip", 0.5f, "activations", new String[] {"HardSigmoid", "LeakyRelu", "Softsign"},
                "activation_alpha", new float[] {0.3f, 0.1f}, "activation_beta", new float[] {0.4f}));
    }

    @Test
    void inputForgetCouplesTheGates() {
        RecurrentTesting.assertMatchesOrt(RecurrentTesting.model("LSTM", 4, 3, 1, 2, 3, "forward", 0, true, false, false, 3,
                "input_forget", 1L));
    }
}
