package dev.edgec.harness.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.edgec.cli.runtime.ChicoryRuntime;
import dev.edgec.cli.runtime.ModuleRunner;
import dev.edgec.cli.runtime.WasmRuntime;
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
 * RoiAlign against ONNX Runtime: opset 10 and both coordinate_transformation_modes of opset 16, avg and
 * max, output sizes, fixed and derived sampling ratios, spatial scales, regions partly outside the input
 * and malformed (x2 &lt; x1). Also: an out-of-range batch index fails the run, extreme roi values neither
 * trap nor run unbounded, and bad attributes name the node.
 */
class RoiAlignTest {
    record Case(int[] x, int rois, int opset, String transform, long outH, long outW, long ratio, float scale) {
    }

    static Stream<Arguments> cases() {
        List<Case> shapes = List.of(
                new Case(new int[]{1, 1, 5, 5}, 3, 16, "half_pixel", 2, 2, 2, 1f),
                new Case(new int[]{2, 3, 8, 6}, 4, 16, "output_half_pixel", 3, 2, 0, 0.5f),
                new Case(new int[]{1, 2, 10, 10}, 5, 10, null, 5, 5, 0, 1f),
                new Case(new int[]{3, 2, 4, 7}, 2, 16, null, 1, 1, 3, 0.25f),
                new Case(new int[]{2, 1, 6, 9}, 3, 16, "half_pixel", 2, 3, 0, 2f));
        List<Arguments> all = new ArrayList<>();
        for (Case c : shapes) {
            all.add(Arguments.of(c, "avg"));
            all.add(Arguments.of(c, "max"));
        }
        return all.stream();
    }

    static byte[] model(Case c, String mode) {
        OnnxBuilder b = new OnnxBuilder("roialign", c.opset());
        String x = b.input("x", DataType.FLOAT32, OpCheck.longs(c.x()));
        String rois = b.input("rois", DataType.FLOAT32, c.rois(), 4);
        String idx = b.input("batch", DataType.INT64, c.rois());
        List<Object> attrs = new ArrayList<>(List.of("output_height", c.outH(), "output_width", c.outW(),
                "sampling_ratio", c.ratio(), "spatial_scale", c.scale()));
        if (mode != null) {
            attrs.addAll(List.of("mode", mode));
        }
        if (c.transform() != null) {
            attrs.addAll(List.of("coordinate_transformation_mode", c.transform()));
        }
        b.output(b.node("RoiAlign", List.of(x, rois, idx), attrs.toArray()), DataType.FLOAT32);
        return b.toBytes();
    }

    /** Regions in input coordinates (before spatial_scale), some partly outside, some with x2 &lt; x1. */
    static Map<String, Tensor> inputs(Case c, long seed) {
        Random rnd = new Random(seed);
        int h = c.x()[2];
        int w = c.x()[3];
        double[] r = new double[c.rois() * 4];
        for (int i = 0; i < c.rois(); i++) {
            double x1 = (rnd.nextDouble() * (w + 2) - 1.5) / c.scale();
            double y1 = (rnd.nextDouble() * (h + 2) - 1.5) / c.scale();
            r[4 * i] = x1;
            r[4 * i + 1] = y1;
            r[4 * i + 2] = x1 + (rnd.nextDouble() * w - 0.6) / c.scale();
            r[4 * i + 3] = y1 + (rnd.nextDouble() * h - 0.6) / c.scale();
        }
        long[] batch = new long[c.rois()];
        for (int i = 0; i < batch.length; i++) {
            batch[i] = rnd.nextInt(c.x()[0]);
        }
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("x", OpCheck.random(DataType.FLOAT32, c.x(), rnd, -3, 5));
        m.put("rois", Tensor.ofDoubles(DataType.FLOAT32, Shape.of(c.rois(), 4), r));
        m.put("batch", Tensor.ofLongs(DataType.INT64, Shape.of(c.rois()), batch));
        return m;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void matchesOnnxRuntime(Case c, String mode) {
        for (long seed = 1; seed <= 3; seed++) {
            OpCheck.assertMatchesOrt(model(c, mode), inputs(c, seed), DataType.FLOAT32);
        }
    }

    /**
     * Max mode against the ONNX spec, independently of ONNX Runtime (whose max mode has a history of
     * differing from it): {@link #specMax} follows the spec's definition step by step, in float32.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("maxCases")
    void maxModeFollowsTheSpec(Case c) {
        for (long seed = 4; seed <= 6; seed++) {
            Map<String, Tensor> in = inputs(c, seed);
            CompileResult compiled = new Compiler().compile(model(c, "max"), CompileOptions.defaults());
            Tensor actual;
            try (ModuleRunner m = new ModuleRunner(compiled.moduleBytes(), new ChicoryRuntime())) {
                actual = m.run(List.of(in.get("x"), in.get("rois"), in.get("batch"))).get(0);
            }
            float[] expected = specMax(c, in.get("x").toFloats(), in.get("rois").toFloats(), in.get("batch").toLongs());
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], actual.getDouble(i), 1e-5 * Math.max(1, Math.abs(expected[i])), "element " + i);
            }
        }
    }

    static Stream<Case> maxCases() {
        return Stream.of(
                new Case(new int[]{1, 2, 6, 6}, 3, 16, "half_pixel", 2, 2, 3, 1f),
                new Case(new int[]{2, 1, 8, 5}, 4, 16, "output_half_pixel", 3, 2, 0, 0.5f),
                new Case(new int[]{1, 3, 7, 7}, 2, 10, null, 1, 3, 0, 1f));
    }

    /**
     * The spec's max mode: per bin, the largest over its samples of the largest of the four weighted
     * corners w_i · X[corner_i] of the sample's bilinear interpolation (0 when a bin has no samples).
     */
    static float[] specMax(Case c, float[] x, float[] rois, long[] batch) {
        int ch = c.x()[1];
        int h = c.x()[2];
        int w = c.x()[3];
        int oh = (int) c.outH();
        int ow = (int) c.outW();
        boolean half = c.opset() >= 16 && !"output_half_pixel".equals(c.transform());
        float shift = half ? 0.5f : 0f;
        float[] out = new float[c.rois() * ch * oh * ow];
        for (int r = 0; r < c.rois(); r++) {
            float x1 = rois[4 * r] * c.scale() - shift;
            float y1 = rois[4 * r + 1] * c.scale() - shift;
            float rw = rois[4 * r + 2] * c.scale() - shift - x1;
            float rh = rois[4 * r + 3] * c.scale() - shift - y1;
            if (!half) {
                rw = Math.max(rw, 1f);
                rh = Math.max(rh, 1f);
            }
            float bh = rh / oh;
            float bw = rw / ow;
            int gh = c.ratio() > 0 ? (int) c.ratio() : (int) Math.ceil(rh / oh);
            int gw = c.ratio() > 0 ? (int) c.ratio() : (int) Math.ceil(rw / ow);
            for (int k = 0; k < ch; k++) {
                int plane = (int) ((batch[r] * ch + k) * h * w);
                for (int ph = 0; ph < oh; ph++) {
                    for (int pw = 0; pw < ow; pw++) {
                        float best = 0;
                        boolean any = false;
                        for (int iy = 0; iy < gh; iy++) {
                            float sy = y1 + ph * bh + (iy + 0.5f) * bh / gh;
                            for (int ix = 0; ix < gw; ix++) {
                                float sx = x1 + pw * bw + (ix + 0.5f) * bw / gw;
                                float v = weightedCornerMax(x, plane, h, w, sy, sx);
                                best = any ? Math.max(best, v) : v;
                                any = true;
                            }
                        }
                        out[((r * ch + k) * oh + ph) * ow + pw] = best;
                    }
                }
            }
        }
        return out;
    }

    private static float weightedCornerMax(float[] x, int plane, int h, int w, float sy, float sx) {
        if (sy < -1 || sy > h || sx < -1 || sx > w) {
            return 0;
        }
        sy = Math.max(sy, 0);
        sx = Math.max(sx, 0);
        int y0 = Math.min((int) sy, h - 1);
        int x0 = Math.min((int) sx, w - 1);
        int y1 = Math.min(y0 + 1, h - 1);
        int xh = Math.min(x0 + 1, w - 1);
        float ly = y0 == h - 1 ? 0 : sy - y0;
        float lx = x0 == w - 1 ? 0 : sx - x0;
        float a = (1 - ly) * (1 - lx) * x[plane + y0 * w + x0];
        float b = (1 - ly) * lx * x[plane + y0 * w + xh];
        float cc = ly * (1 - lx) * x[plane + y1 * w + x0];
        float d = ly * lx * x[plane + y1 * w + xh];
        return Math.max(Math.max(a, b), Math.max(cc, d));
    }

    @Test
    void defaultAttributesMatchOnnxRuntime() {
        Case c = new Case(new int[]{1, 2, 6, 6}, 3, 16, null, 1, 1, 0, 1f);
        OnnxBuilder b = new OnnxBuilder("roialign", 16);
        String x = b.input("x", DataType.FLOAT32, 1, 2, 6, 6);
        String rois = b.input("rois", DataType.FLOAT32, 3, 4);
        String idx = b.input("batch", DataType.INT64, 3);
        b.output(b.node("RoiAlign", List.of(x, rois, idx)), DataType.FLOAT32);
        OpCheck.assertMatchesOrt(b.toBytes(), inputs(c, 5), DataType.FLOAT32);
    }

    @Test
    void matchesOnnxRuntimeInWasmtime() {
        Case c = new Case(new int[]{2, 3, 8, 6}, 4, 16, "output_half_pixel", 3, 2, 0, 0.5f);
        for (String mode : List.of("avg", "max")) {
            String why = ModelCheck.mismatch(model(c, mode), inputs(c, 9), Tolerance.ONNX_BACKEND, new WasmtimeRuntime());
            org.junit.jupiter.api.Assertions.assertNull(why, why);
        }
    }

    @Test
    void outOfRangeBatchIndexFailsTheRun() {
        Case c = new Case(new int[]{2, 1, 4, 4}, 2, 16, null, 2, 2, 0, 1f);
        for (long bad : new long[]{2, -1, Long.MIN_VALUE}) {
            Map<String, Tensor> in = inputs(c, 1);
            in.put("batch", Tensor.ofLongs(DataType.INT64, Shape.of(2), 0, bad));
            IndexCheck.assertIndexError(model(c, "avg"), in);
        }
    }

    /** NaN, infinite and huge regions: the run ends with status 0 (and soon: samples outside are skipped). */
    @Test
    void extremeRegionsNeverTrap() {
        float[] extreme = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 1e30f, -1e30f, 3e9f, -3e9f, 0.5f};
        Random rnd = new Random(3);
        for (String mode : List.of("avg", "max")) {
            for (long ratio : new long[]{0, 2}) {
                Case c = new Case(new int[]{1, 2, 5, 5}, 8, 16, "output_half_pixel", 2, 2, ratio, 1f);
                CompileResult compiled = new Compiler().compile(model(c, mode), CompileOptions.defaults());
                double[] r = new double[32];
                for (int i = 0; i < r.length; i++) {
                    r[i] = extreme[rnd.nextInt(extreme.length)];
                }
                Map<String, Tensor> in = inputs(c, 2);
                for (WasmRuntime runtime : List.<WasmRuntime>of(new ChicoryRuntime(), new WasmtimeRuntime())) {
                    try (ModuleRunner m = new ModuleRunner(compiled.moduleBytes(), runtime)) {
                        m.writeInputs(List.of(in.get("x"), Tensor.ofDoubles(DataType.FLOAT32, Shape.of(8, 4), r),
                                in.get("batch")));
                        assertEquals(0, m.instance().call("run"), runtime.name() + " " + mode + " ratio " + ratio);
                    }
                }
            }
        }
    }

    @Test
    void rejectsBadAttributesAndShapes() {
        Case c = new Case(new int[]{1, 1, 4, 4}, 2, 16, null, 2, 2, 0, 1f);
        OpCheck.assertRejected(model(c, "sum"), InvalidModelException.class, "RoiAlign", "mode must be avg or max, got 'sum'");
        OpCheck.assertRejected(model(new Case(c.x(), 2, 16, "align_corners", 2, 2, 0, 1f), "avg"),
                InvalidModelException.class, "RoiAlign", "coordinate_transformation_mode must be half_pixel or output_half_pixel");
        OpCheck.assertRejected(model(new Case(c.x(), 2, 16, null, 0, 2, 0, 1f), "avg"), InvalidModelException.class,
                "RoiAlign", "output_height and output_width must be positive");
        OpCheck.assertRejected(model(new Case(c.x(), 2, 16, null, 2, 2, -1, 1f), "avg"), InvalidModelException.class,
                "RoiAlign", "sampling_ratio must be in");
        OpCheck.assertRejected(model(new Case(new int[]{1, 4, 4}, 2, 16, null, 2, 2, 0, 1f), "avg"),
                InvalidModelException.class, "RoiAlign", "must be 4-D");
        // opset 10 has no coordinate_transformation_mode: it is an unknown attribute there
        OpCheck.assertRejected(model(new Case(c.x(), 2, 10, "half_pixel", 2, 2, 0, 1f), "avg"),
                dev.edgec.ir.EdgecException.class, "RoiAlign", "coordinate_transformation_mode");
    }
}
