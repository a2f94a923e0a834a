package dev.edgec.harness.ops;

import static org.junit.jupiter.api.Assertions.assertNull;

import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.harness.ModelCheck;
import dev.edgec.harness.Tolerance;
import dev.edgec.ir.DataType;
import dev.edgec.ir.InvalidModelException;
import dev.edgec.ir.LimitExceededException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Scan against ONNX Runtime: axes and directions of scan inputs and outputs, opset 8's batch axis, errors. */
class ScanTest {
    /**
     * A running state s (shape [2]) and two scan inputs a, b whose elements are [2]: s' = s + a_t * b_t,
     * scan outputs s' and a_t - b_t. {@code axes} and {@code dirs} are those of (a, b, out0, out1).
     */
    static byte[] model(int opset, int length, int[] axes, int[] dirs) {
        OnnxBuilder b = new OnnxBuilder("scan", opset);
        String s0 = b.input("s0", DataType.FLOAT32, 2);
        String a = b.input("a", DataType.FLOAT32, axes[0] == 0 || axes[0] == -2 ? new long[]{length, 2} : new long[]{2, length});
        String c = b.input("b", DataType.FLOAT32, axes[1] == 0 || axes[1] == -2 ? new long[]{length, 2} : new long[]{2, length});
        OnnxBuilder body = b.subgraph("body");
        String s = body.input("s", DataType.FLOAT32, 2);
        String at = body.input("at", DataType.FLOAT32, 2);
        String bt = body.input("bt", DataType.FLOAT32, 2);
        String next = body.node("Add", List.of(s, body.node("Mul", List.of(at, bt))));
        body.output(next, DataType.FLOAT32);
        body.output(body.node("Identity", List.of(next)), DataType.FLOAT32);
        body.output(body.node("Sub", List.of(at, bt)), DataType.FLOAT32);
        b.nodeWithOutputs("Scan", List.of(s0, a, c), List.of("s_final", "states", "diffs"), "body", body,
                "num_scan_inputs", 2L, "scan_input_axes", new long[]{axes[0], axes[1]},
                "scan_input_directions", new long[]{dirs[0], dirs[1]}, "scan_output_axes", new long[]{axes[2], axes[3]},
                "scan_output_directions", new long[]{dirs[2], dirs[3]});
        b.output("s_final", DataType.FLOAT32).output("states", DataType.FLOAT32).output("diffs", DataType.FLOAT32);
        return b.toBytes();
    }

    static Stream<Arguments> layouts() {
        return Stream.of(
                Arguments.of(9, 3, new int[]{0, 0, 0, 0}, new int[]{0, 0, 0, 0}),
                Arguments.of(9, 4, new int[]{1, 0, 1, 0}, new int[]{1, 0, 0, 1}),
                Arguments.of(16, 1, new int[]{0, 1, 0, 1}, new int[]{0, 1, 1, 0}),
                Arguments.of(16, 5, new int[]{-1, -2, -1, -2}, new int[]{1, 1, 1, 1}),
                Arguments.of(11, 2, new int[]{1, 1, 1, 1}, new int[]{0, 0, 0, 0}));
    }

    @ParameterizedTest
    @MethodSource("layouts")
    void matchesOrt(int opset, int length, int[] axes, int[] dirs) {
        String why = ModelCheck.mismatchOnRandomInputs(model(opset, length, axes, dirs), 3, Tolerance.ONNX_BACKEND);
        assertNull(why, why);
    }

    /** Opset 8: axis 0 is a batch, scanned element by element, axis 1 the sequence; directions reverse inputs. */
    static byte[] batched(int batch, int length, long direction) {
        OnnxBuilder b = new OnnxBuilder("scan8", 8);
        String s0 = b.input("s0", DataType.FLOAT32, batch, 3);
        String x = b.input("x", DataType.FLOAT32, batch, length, 3);
        OnnxBuilder body = b.subgraph("body");
        String s = body.input("s", DataType.FLOAT32, 3);
        String xt = body.input("xt", DataType.FLOAT32, 3);
        String next = body.node("Max", List.of(s, xt));
        body.output(next, DataType.FLOAT32);
        body.output(body.node("Sub", List.of(xt, next)), DataType.FLOAT32);
        b.nodeWithOutputs("Scan", List.of("", s0, x), List.of("s_final", "ys"), "body", body,
                "num_scan_inputs", 1L, "directions", new long[]{direction});
        b.output("s_final", DataType.FLOAT32).output("ys", DataType.FLOAT32);
        return b.toBytes();
    }

    @ParameterizedTest
    @MethodSource("batches")
    void opset8BatchMatchesOrt(int batch, int length, long direction) {
        String why = ModelCheck.mismatchOnRandomInputs(batched(batch, length, direction), 4, Tolerance.ONNX_BACKEND);
        assertNull(why, why);
    }

    static Stream<Arguments> batches() {
        return Stream.of(Arguments.of(1, 3, 0L), Arguments.of(2, 4, 1L), Arguments.of(3, 1, 0L));
    }

    @Test
    void mismatchedSequenceLengthsAreRejected() {
        OnnxBuilder b = new OnnxBuilder("scan_bad", 16);
        String s0 = b.input("s0", DataType.FLOAT32, 2);
        String a = b.input("a", DataType.FLOAT32, 3, 2);
        String c = b.input("b", DataType.FLOAT32, 4, 2);
        OnnxBuilder body = b.subgraph("body");
        String s = body.input("s", DataType.FLOAT32, 2);
        String at = body.input("at", DataType.FLOAT32, 2);
        String bt = body.input("bt", DataType.FLOAT32, 2);
        body.output(body.node("Add", List.of(s, body.node("Mul", List.of(at, bt)))), DataType.FLOAT32);
        b.nodeWithOutputs("Scan", List.of(s0, a, c), List.of("s_final"), "body", body, "num_scan_inputs", 2L);
        b.output("s_final", DataType.FLOAT32);
        OpCheck.assertRejected(b.toBytes(), InvalidModelException.class, "Scan 'Scan_1'", "sequence lengths 3 and 4");
    }

    @Test
    void tooLongASequenceIsALimitError() {
        OpCheck.assertRejected(model(16, 60_000, new int[]{0, 0, 0, 0}, new int[]{0, 0, 0, 0}), LimitExceededException.class,
                "Scan 'Scan_1'", "limit");
    }
}
