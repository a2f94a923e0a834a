package dev.edgec.harness.ops;

import static org.junit.jupiter.api.Assertions.assertNull;

import dev.edgec.cli.runtime.ChicoryRuntime;
import dev.edgec.core.CompileOptions;
import dev.edgec.core.CompileResult;
import dev.edgec.core.Compiler;
import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.harness.ModelCheck;
import dev.edgec.harness.Tolerance;
import dev.edgec.harness.WasmtimeRuntime;
import dev.edgec.ir.DataType;
import dev.edgec.ir.InvalidModelException;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Det (opset 11) against ONNX Runtime: matrix sizes, batch dimensions, singular and pivoting-heavy matrices. */
class DetTest {
    static Stream<Arguments> shapes() {
        return Stream.of(new int[]{2, 2}, new int[]{3, 2, 2}, new int[]{1, 1}, new int[]{3, 3}, new int[]{4, 4},
                new int[]{2, 3, 5, 5}, new int[]{7, 7}, new int[]{2, 12, 12}).map(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void matchesOrt(int[] dims) {
        byte[] m = OpCheck.unary("Det", 11, DataType.FLOAT32, dims);
        OpCheck.assertMatchesOrt(m, OpCheck.randomInputs(List.of(DataType.FLOAT32), List.<int[]>of(dims), 3, -2, 2),
                DataType.FLOAT32);
    }

    /**
     * ONNX Runtime 1.23 has no float64 Det: edgec's float64 determinant is compared with ONNX Runtime's
     * float32 one of the same matrices (Cast → Det → Cast), well within the backend tolerance.
     */
    @ParameterizedTest
    @MethodSource("shapes")
    void float64MatchesOrtInFloat32(int[] dims) {
        byte[] m = OpCheck.unary("Det", 11, DataType.FLOAT64, dims);
        OnnxBuilder b = new OnnxBuilder("det_via_float32", 11);
        String x = b.input("x0", DataType.FLOAT64, OpCheck.longs(dims));
        String det = b.node("Det", List.of(b.node("Cast", List.of(x), "to", 1L)));
        b.output(b.node("Cast", List.of(det), "to", 11L), DataType.FLOAT64);
        CompileResult compiled = new Compiler().compile(m, CompileOptions.defaults());
        Map<String, Tensor> inputs = OpCheck.randomInputs(List.of(DataType.FLOAT64), List.<int[]>of(dims), 4, -2, 2);
        String why = ModelCheck.mismatch(b.toBytes(), compiled, inputs, Tolerance.ONNX_BACKEND, new ChicoryRuntime());
        assertNull(why, why);
    }

    /** The second, compiling runtime runs the same kernel. */
    @Test
    void matchesOrtInWasmtime() {
        int[] dims = {4, 5, 5};
        byte[] m = OpCheck.unary("Det", 11, DataType.FLOAT32, dims);
        Map<String, Tensor> in = OpCheck.randomInputs(List.of(DataType.FLOAT32), List.<int[]>of(dims), 6, -2, 2);
        String why = ModelCheck.mismatch(m, in, Tolerance.ONNX_BACKEND, new WasmtimeRuntime());
        assertNull(why, why);
    }

    /** A zero column (determinant exactly 0), a zero leading pivot that needs a row swap, and a permutation matrix (-1). */
    @Test
    void singularAndPivotingMatrices() {
        float[] v = {
            1, 0, 3, 2, 0, 5, 4, 0, 6,
            0, 2, 1, 3, 1, 0, 1, 1, 1,
            0, 1, 0, 1, 0, 0, 0, 0, 1};
        byte[] m = OpCheck.unary("Det", 11, DataType.FLOAT32, new int[]{3, 3, 3});
        OpCheck.assertMatchesOrt(m, Map.of("x0", Tensor.ofFloats(Shape.of(3, 3, 3), v)), DataType.FLOAT32);
    }

    @Test
    void rejectsNonSquareMatrices() {
        OpCheck.assertRejected(OpCheck.unary("Det", 11, DataType.FLOAT32, new int[]{2, 3, 4}), InvalidModelException.class,
                "Det_1", "must be [*, M, M]");
        OpCheck.assertRejected(OpCheck.unary("Det", 11, DataType.FLOAT32, new int[]{4}), InvalidModelException.class,
                "Det_1", "must be [*, M, M]");
    }
}
