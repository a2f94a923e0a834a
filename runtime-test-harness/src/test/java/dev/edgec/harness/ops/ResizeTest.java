package dev.edgec.harness.ops;

import static dev.edgec.harness.ops.ConvTest.dims;

import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.ir.DataType;
import dev.edgec.ir.InvalidModelException;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.UnsupportedModelException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Resize against ONNX Runtime: modes, coordinate transforms, nearest modes, cubic options, scales and sizes. */
class ResizeTest {

    /** {@code scales} or {@code sizes} (the other null); roi only when not null. */
    static byte[] model(int opset, DataType t, int[] x, float[] roi, float[] scales, long[] sizes, Object... attributes) {
        OnnxBuilder b = new OnnxBuilder("resize", opset);
        List<String> ins = new ArrayList<>(List.of(b.input("x0", t, ConvTest.toLongs(x))));
        if (opset < 11) {
            ins.add(b.initializer("scales", Tensor.ofFloats(Shape.of(scales.length), scales)));
        } else {
            ins.add(roi == null ? (opset < 13 ? b.initializer("roi", Tensor.ofFloats(Shape.of(0))) : "") : b.initializer("roi", Tensor.ofFloats(Shape.of(roi.length), roi)));
            ins.add(scales == null ? (opset < 13 ? b.initializer("scales", Tensor.ofFloats(Shape.of(0))) : "")
                    : b.initializer("scales", Tensor.ofFloats(Shape.of(scales.length), scales)));
            if (sizes != null) {
                ins.add(b.initializer("sizes", OpCheck.int64s(sizes)));
            }
        }
        b.output(b.node("Resize", ins, attributes), t);
        return b.toBytes();
    }

    static float[] f(float... v) {
        return v;
    }

    static Stream<Arguments> cases() {
        String[] transforms = {"half_pixel", "pytorch_half_pixel", "align_corners", "asymmetric", "tf_half_pixel_for_nn"};
        List<Arguments> list = new ArrayList<>();
        for (String tr : transforms) {
            for (String mode : new String[]{"nearest", "linear", "cubic"}) {
                if (tr.equals("tf_half_pixel_for_nn") && !mode.equals("nearest")) {
                    continue;
                }
                list.add(Arguments.of(13, dims(1, 2, 4, 5), f(1, 1, 1.75f, 2.5f), null,
                        new Object[]{"mode", mode, "coordinate_transformation_mode", tr}));
                list.add(Arguments.of(11, dims(1, 1, 6, 7), f(1, 1, 0.5f, 0.6f), null,
                        new Object[]{"mode", mode, "coordinate_transformation_mode", tr}));
                if (!mode.equals("cubic")) {
                    // ONNX Runtime's cubic resizes only the two innermost axes of a rank-2 or rank-4 input.
                    list.add(Arguments.of(13, dims(2, 3, 5), null, new long[]{2, 3, 3},
                            new Object[]{"mode", mode, "coordinate_transformation_mode", tr}));
                }
            }
        }
        for (String nearest : new String[]{"round_prefer_floor", "round_prefer_ceil", "floor", "ceil"}) {
            list.add(Arguments.of(13, dims(1, 1, 4, 4), null, new long[]{1, 1, 7, 9},
                    new Object[]{"mode", "nearest", "nearest_mode", nearest}));
            list.add(Arguments.of(19, dims(1, 1, 8, 6), f(1, 1, 0.4f, 0.5f), null,
                    new Object[]{"mode", "nearest", "nearest_mode", nearest, "coordinate_transformation_mode",
                            "half_pixel_symmetric"}));
        }
        list.add(Arguments.of(11, dims(1, 1, 4, 4), f(1, 1, 0.8f, 0.8f), null,
                new Object[]{"mode", "cubic", "cubic_coeff_a", -0.5f, "exclude_outside", 1L}));
        list.add(Arguments.of(13, dims(1, 1, 4, 4), f(1, 1, 2f, 1.5f), null,
                new Object[]{"mode", "cubic", "cubic_coeff_a", -0.5f, "exclude_outside", 1L}));
        list.add(Arguments.of(10, dims(1, 1, 3, 4), f(1, 1, 2f, 3f), null, new Object[]{"mode", "nearest"}));
        list.add(Arguments.of(10, dims(1, 1, 3, 4), f(1, 1, 1.5f, 0.5f), null, new Object[]{"mode", "linear"}));
        list.add(Arguments.of(10, dims(2, 4), f(0.5f, 0.6f), null, new Object[]{"mode", "nearest"}));
        list.add(Arguments.of(18, dims(1, 2, 4, 6), null, new long[]{3, 3},
                new Object[]{"mode", "linear", "axes", ConvTest.ints(2, 3), "keep_aspect_ratio_policy", "not_larger"}));
        list.add(Arguments.of(18, dims(1, 2, 4, 6), null, new long[]{3, 3},
                new Object[]{"mode", "nearest", "axes", ConvTest.ints(2, 3), "keep_aspect_ratio_policy", "not_smaller"}));
        list.add(Arguments.of(18, dims(1, 2, 4, 6), f(2f, 0.5f), null,
                new Object[]{"mode", "cubic", "axes", ConvTest.ints(2, 3)}));
        return list.stream();
    }

    @ParameterizedTest(name = "opset {0} x {1} scales {2} sizes {3} {4}")
    @MethodSource("cases")
    void matchesOnnxRuntime(int opset, int[] x, float[] scales, long[] sizes, Object[] attributes) {
        OpCheck.assertMatchesOrt(model(opset, DataType.FLOAT32, x, null, scales, sizes, attributes), DataType.FLOAT32);
    }

    @Test
    void tfCropAndResizeExtrapolates() {
        for (String mode : new String[]{"nearest", "linear", "cubic"}) {
            OpCheck.assertMatchesOrt(model(13, DataType.FLOAT32, dims(1, 1, 5, 5), f(0, 0, -0.2f, 0.3f, 1, 1, 0.7f, 1.4f),
                    null, new long[]{1, 1, 4, 6}, "mode", mode, "coordinate_transformation_mode", "tf_crop_and_resize",
                    "extrapolation_value", 7f), DataType.FLOAT32);
        }
    }

    @Test
    void antialiasMatchesOnnxRuntime() {
        for (String mode : new String[]{"linear", "cubic"}) {
            for (long exclude : new long[]{0, 1}) {
                OpCheck.assertMatchesOrt(model(18, DataType.FLOAT32, dims(1, 2, 9, 11), null, f(1, 1, 0.45f, 0.3f), null,
                        "mode", mode, "antialias", 1L, "exclude_outside", exclude), DataType.FLOAT32);
                OpCheck.assertMatchesOrt(model(18, DataType.FLOAT32, dims(1, 1, 4, 5), null, null, new long[]{1, 1, 7, 3},
                        "mode", mode, "antialias", 1L, "exclude_outside", exclude, "coordinate_transformation_mode",
                        "align_corners"), DataType.FLOAT32);
                OpCheck.assertMatchesOrt(model(18, DataType.FLOAT32, dims(1, 1, 6, 6), null, f(1, 1, 1.5f, 0.5f), null,
                        "mode", mode, "antialias", 1L, "exclude_outside", exclude, "coordinate_transformation_mode",
                        "pytorch_half_pixel"), DataType.FLOAT32);
            }
        }
    }

    @Test
    void nearestCopiesIntegerTypes() {
        for (DataType t : List.of(DataType.INT8, DataType.UINT8, DataType.INT32)) {
            OpCheck.assertMatchesOrt(model(13, t, dims(1, 2, 3, 3), null, f(1, 1, 2f, 1.5f), null), t);
        }
    }

    @Test
    void rejectsBadModesAndMissingSizes() {
        PoolTesting.assertError(InvalidModelException.class,
                model(13, DataType.FLOAT32, dims(1, 1, 2, 2), null, f(1, 1, 2, 2), null, "mode", "area"), "Resize", "mode");
        PoolTesting.assertError(InvalidModelException.class,
                model(13, DataType.FLOAT32, dims(1, 1, 2, 2), null, null, null), "Resize", "scales and sizes");
        PoolTesting.assertError(UnsupportedModelException.class,
                model(13, DataType.INT32, dims(1, 1, 2, 2), null, f(1, 1, 2, 2), null, "mode", "linear"), "Resize", "int32");
    }
}
