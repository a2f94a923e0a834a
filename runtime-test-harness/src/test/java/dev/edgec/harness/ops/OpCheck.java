package dev.edgec.harness.ops;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgec.core.CompileOptions;
import dev.edgec.core.Compiler;
import dev.edgec.ir.DataType;
import dev.edgec.ir.EdgecException;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.harness.ModelCheck;
import dev.edgec.harness.Tolerance;
import java.util.List;

/** Shared helpers of the per-operator tests: one-node models checked against ONNX Runtime. */
final class OpCheck {
    /** Element types every data-movement operator must handle (uint16 is left out: ONNX Runtime Java cannot take it). */
    static final List<DataType> MOVE_TYPES = List.of(DataType.FLOAT32, DataType.FLOAT64, DataType.INT8, DataType.UINT8,
            DataType.INT16, DataType.INT32, DataType.INT64, DataType.BOOL);

    private OpCheck() {
    }

    static Tolerance toleranceFor(DataType t) {
        return t.isFloating() ? Tolerance.ONNX_BACKEND : Tolerance.EXACT;
    }

    /** Compiles, validates and runs {@code model} on seeded random inputs and asserts it matches ONNX Runtime. */
    static void assertMatchesOrt(byte[] model, DataType outputType) {
        String why = ModelCheck.mismatchOnRandomInputs(model, 42, toleranceFor(outputType));
        assertNull(why, why);
    }

    /** Asserts that compiling {@code model} fails with an error of {@code kind} naming the node and saying {@code fragment}. */
    static void assertRejected(byte[] model, Class<? extends EdgecException> kind, String nodeName, String fragment) {
        EdgecException e = assertThrows(kind, () -> new Compiler().compile(model, CompileOptions.defaults()));
        assertTrue(e.getMessage().contains(nodeName), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    static Tensor int64s(long... values) {
        return Tensor.ofLongs(DataType.INT64, Shape.of(values.length), values);
    }

    static long[] longs(int... dims) {
        long[] l = new long[dims.length];
        for (int i = 0; i < dims.length; i++) {
            l[i] = dims[i];
        }
        return l;
    }
}
