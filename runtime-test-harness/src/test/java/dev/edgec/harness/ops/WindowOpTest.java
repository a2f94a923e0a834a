package dev.edgec.harness.ops;

import static org.junit.jupiter.api.Assertions.assertNull;

import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.harness.ModelCheck;
import dev.edgec.harness.Tolerance;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The shared test of the window generators against ONNX Runtime: sizes, periodic and symmetric, output types. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WindowOpTest {
    private final String op;

    WindowOpTest(String op) {
        this.op = op;
    }

    Stream<Arguments> cases() {
        return Stream.of(1, 2, 8, 10, 31).flatMap(size -> Stream.of(0L, 1L).flatMap(periodic ->
                Stream.of(1L, 11L).map(dtype -> Arguments.of(size, periodic, dtype))));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesOrt(int size, long periodic, long dtype) {
        OnnxBuilder b = new OnnxBuilder("window", 17);
        // a graph input keeps ONNX Runtime from folding the window away; edgec folds it from the constant
        DataType t = dtype == 1 ? DataType.FLOAT32 : DataType.FLOAT64;
        String x = b.input("x", t, 1);
        String s = b.initializer("size", Tensor.ofLongs(DataType.INT64, Shape.scalar(), size));
        String w = b.node(op, List.of(s), "periodic", periodic, "output_datatype", dtype);
        String y = b.node("Add", List.of(w, x));
        b.output(y, t);
        assertNull(ModelCheck.mismatchOnRandomInputs(b.toBytes(), 3, Tolerance.ONNX_BACKEND));
    }

    static final class Hann extends WindowOpTest {
        Hann() {
            super("HannWindow");
        }
    }

    static final class Hamming extends WindowOpTest {
        Hamming() {
            super("HammingWindow");
        }
    }

    static final class Blackman extends WindowOpTest {
        Blackman() {
            super("BlackmanWindow");
        }
    }
}
