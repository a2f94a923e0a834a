package dev.edgec.harness.ops;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgec.core.CompileOptions;
import dev.edgec.core.Compiler;
import dev.edgec.ir.InvalidModelException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** RNN against ONNX Runtime, and the errors shared by the recurrent operators. */
class RnnTest {
    // layout = 1 (batch-major) is not compared here: ONNX Runtime's CPU kernels reject it. The ONNX
    // backend tests *_batchwise cover it against the reference data (ConformanceSuiteTest).
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(1, 1, 2, 3, "forward", 0),
                Arguments.of(6, 2, 4, 3, "forward", 0),
                Arguments.of(4, 3, 3, 5, "reverse", 0),
                Arguments.of(3, 2, 2, 4, "bidirectional", 0));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesOrt(int seq, int batch, int input, int hidden, String dir, int layout) {
        RecurrentTesting.assertMatchesOrt(RecurrentTesting.model("RNN", 1, seq, batch, input, hidden, dir, layout,
                true, true, false, 2));
    }

    @Test
    void reluAndClip() {
        RecurrentTesting.assertMatchesOrt(RecurrentTesting.model("RNN", 1, 4, 2, 3, 3, "forward", 0, true, false, false, 2,
                "activations", new String[] {"Relu"}, "clip", 0.7f));
    }

    @Test
    void aWrongWeightShapeNamesTheNode() {
        // W and R carry two gate blocks, RNN has one
        byte[] model = RecurrentTesting.model("RNN", 2, 2, 1, 2, 3, "forward", 0, false, false, false, 1);
        InvalidModelException e = assertThrows(InvalidModelException.class,
                () -> new Compiler().compile(model, CompileOptions.defaults()));
        assertTrue(e.getMessage().contains("RNN") && e.getMessage().contains("W must have shape"), e.getMessage());
    }

    @Test
    void anUnknownDirectionIsRejected() {
        byte[] model = RecurrentTesting.model("RNN", 1, 2, 1, 2, 3, "sideways", 0, false, false, false, 1);
        InvalidModelException e = assertThrows(InvalidModelException.class,
                () -> new Compiler().compile(model, CompileOptions.defaults()));
        assertTrue(e.getMessage().contains("direction"), e.getMessage());
    }
}
