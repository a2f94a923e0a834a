package dev.edgec.harness.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.edgec.cli.runtime.ChicoryRuntime;
import dev.edgec.cli.runtime.ModuleRunner;
import dev.edgec.cli.runtime.WasmRuntime;
import dev.edgec.core.CompileOptions;
import dev.edgec.core.CompileResult;
import dev.edgec.core.Compiler;
import dev.edgec.harness.ModelCheck;
import dev.edgec.harness.Tolerance;
import dev.edgec.harness.WasmtimeRuntime;
import dev.edgec.ir.DataType;
import dev.edgec.ir.InvalidModelException;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.UnsupportedModelException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * GridSample against ONNX Runtime: every mode, padding_mode and align_corners, on shapes from one
 * pixel to several channels and batches, with grid points inside and well outside [-1, 1]; the opset-20
 * mode names; grid values that must not make the module trap; and the attribute and shape errors.
 */
class GridSampleTest {
    private static final List<String> MODES = List.of("bilinear", "nearest", "bicubic");
    private static final List<String> PADDINGS = List.of("zeros", "border", "reflection");

    /** X shape, grid shape. */
    private static final List<int[][]> SHAPES = List.of(
            new int[][]{{1, 1, 3, 4}, {1, 2, 5, 2}},
            new int[][]{{2, 3, 5, 4}, {2, 4, 3, 2}},
            new int[][]{{1, 2, 2, 1}, {1, 3, 3, 2}});

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (int[][] shape : SHAPES) {
            for (String mode : MODES) {
                for (String padding : PADDINGS) {
                    for (long align = 0; align <= 1; align++) {
                        // ONNX Runtime divides by zero reflecting over a one-pixel axis with align_corners
                        boolean degenerate = align == 1 && padding.equals("reflection")
                                && (shape[0][2] == 1 || shape[0][3] == 1);
                        if (!degenerate) {
                            all.add(Arguments.of(shape[0], shape[1], mode, padding, align));
                        }
                    }
                }
            }
        }
        return all.stream();
    }

    static byte[] model(int opset, int[] x, int[] grid, Object... attributes) {
        return OpCheck.model("GridSample", opset, List.of(DataType.FLOAT32, DataType.FLOAT32), List.of(x, grid),
                DataType.FLOAT32, attributes);
    }

    /** X in [-5, 5); grid in [-spread, spread) so that some points fall outside the input. */
    static Map<String, Tensor> inputs(int[] x, int[] grid, double spread, long seed) {
        Random rnd = new Random(seed);
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("x0", OpCheck.random(DataType.FLOAT32, x, rnd, -5, 5));
        m.put("x1", OpCheck.random(DataType.FLOAT32, grid, rnd, -spread, spread));
        return m;
    }

    @ParameterizedTest(name = "x {0} grid {1} {2} {3} align {4}")
    @MethodSource("cases")
    void matchesOnnxRuntime(int[] x, int[] grid, String mode, String padding, long align) {
        byte[] model = model(16, x, grid, "mode", mode, "padding_mode", padding, "align_corners", align);
        OpCheck.assertMatchesOrt(model, inputs(x, grid, 1.3, 7), DataType.FLOAT32);
        // far outside: several reflections, clamping, all-zero taps
        OpCheck.assertMatchesOrt(model, inputs(x, grid, 6, 8), DataType.FLOAT32);
    }

    @ParameterizedTest(name = "opset 20 {0}")
    @MethodSource("opset20Modes")
    void opset20ModeNamesMatchOnnxRuntime(String mode, String padding) {
        int[] x = {1, 2, 4, 5};
        int[] grid = {1, 3, 4, 2};
        OpCheck.assertMatchesOrt(model(20, x, grid, "mode", mode, "padding_mode", padding), inputs(x, grid, 1.5, 3),
                DataType.FLOAT32);
    }

    static Stream<Arguments> opset20Modes() {
        return Stream.of(Arguments.of("linear", "zeros"), Arguments.of("cubic", "reflection"),
                Arguments.of("nearest", "border"));
    }

    @Test
    void bicubicReflectionMatchesOnnxRuntimeInWasmtime() {
        int[] x = {2, 2, 5, 4};
        int[] grid = {2, 3, 4, 2};
        byte[] model = model(16, x, grid, "mode", "bicubic", "padding_mode", "reflection");
        String why = ModelCheck.mismatch(model, inputs(x, grid, 3, 21), Tolerance.ONNX_BACKEND, new WasmtimeRuntime());
        org.junit.jupiter.api.Assertions.assertNull(why, why);
    }

    @Test
    void defaultsAreBilinearZerosUnaligned() {
        int[] x = {1, 3, 4, 4};
        int[] grid = {1, 2, 6, 2};
        OpCheck.assertMatchesOrt(model(16, x, grid), inputs(x, grid, 1.2, 11), DataType.FLOAT32);
    }

    /** NaN, infinite and huge grid values: the kernel must finish with status 0, whatever it samples. */
    @Test
    void extremeGridValuesNeverTrap() {
        int[] x = {1, 2, 3, 4};
        int[] grid = {1, 2, 4, 2};
        float[] extreme = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 1e30f, -1e30f, 3e9f, -3e9f,
                Float.MAX_VALUE, -Float.MAX_VALUE, 1e7f, -2.5e9f, 0.5f, Float.MIN_VALUE, -0f, 16777217f, 2.1e9f};
        Tensor xs = OpCheck.random(DataType.FLOAT32, x, new Random(1), -1, 1);
        Tensor gs = Tensor.ofDoubles(DataType.FLOAT32, Shape.of(grid), toDoubles(extreme));
        for (String mode : MODES) {
            for (String padding : PADDINGS) {
                for (long align = 0; align <= 1; align++) {
                    CompileResult compiled = new Compiler().compile(
                            model(16, x, grid, "mode", mode, "padding_mode", padding, "align_corners", align),
                            CompileOptions.defaults());
                    for (WasmRuntime runtime : List.<WasmRuntime>of(new ChicoryRuntime(), new WasmtimeRuntime())) {
                        try (ModuleRunner m = new ModuleRunner(compiled.moduleBytes(), runtime)) {
                            m.writeInputs(List.of(xs, gs));
                            assertEquals(0, m.instance().call("run"), runtime.name() + " " + mode + " " + padding + " " + align);
                        }
                    }
                }
            }
        }
    }

    private static double[] toDoubles(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    @Test
    void rejectsBadAttributesAndShapes() {
        int[] x = {1, 1, 3, 3};
        int[] grid = {1, 2, 2, 2};
        OpCheck.assertRejected(model(16, x, grid, "mode", "trilinear"), InvalidModelException.class, "GridSample",
                "mode must be bilinear, nearest or bicubic, got 'trilinear'");
        OpCheck.assertRejected(model(16, x, grid, "mode", "linear"), InvalidModelException.class, "GridSample",
                "not defined in opset 16");
        OpCheck.assertRejected(model(20, x, grid, "mode", "bicubic"), InvalidModelException.class, "GridSample",
                "not defined in opset 20");
        OpCheck.assertRejected(model(16, x, grid, "padding_mode", "wrap"), InvalidModelException.class, "GridSample",
                "padding_mode must be zeros, border or reflection, got 'wrap'");
        OpCheck.assertRejected(model(16, x, new int[]{1, 2, 2, 3}), InvalidModelException.class, "GridSample",
                "grid must have shape (1, H_out, W_out, 2)");
        OpCheck.assertRejected(model(16, x, new int[]{2, 2, 2, 2}), InvalidModelException.class, "GridSample",
                "grid must have shape");
        OpCheck.assertRejected(model(16, new int[]{1, 3, 3}, new int[]{1, 2, 2}), InvalidModelException.class,
                "GridSample", "must be 4-D");
        OpCheck.assertRejected(model(20, new int[]{1, 1, 2, 3, 3}, new int[]{1, 2, 2, 2, 3}),
                UnsupportedModelException.class, "GridSample", "only 4-D input");
    }
}
