package dev.edgec.harness.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgec.cli.runtime.ChicoryRuntime;
import dev.edgec.core.CompileOptions;
import dev.edgec.core.CompileResult;
import dev.edgec.core.Compiler;
import dev.edgec.core.abi.TensorSpec;
import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.harness.FloatParts;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.UnsupportedModelException;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The integer kernels of QDQ patterns one by one: {@code int8 x → DequantizeLinear → op → QuantizeLinear
 * → int8 y} compiled with integer-only and by default, against ONNX Runtime running the same QDQ model
 * (float op, then QuantizeLinear): within 1, and with no float instruction in the module.
 */
class IntegerKernelsTest {
    private static final CompileOptions INTEGER_ONLY = CompileOptions.defaults().withIntegerOnly(true);

    /** One case: the op applied to the dequantized input (builder, float value) → float value to quantize. */
    record Case(String name, int[] dims, DataType in, float xScale, long xZero, DataType out, float yScale, long yZero,
                BiFunction<OnnxBuilder, String, String> op) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                new Case("Relu", new int[] {2, 3, 4, 5}, DataType.INT8, 0.05f, 3, DataType.INT8, 0.03f, -128,
                        (b, x) -> b.node("Relu", List.of(x))),
                new Case("Relu same parameters", new int[] {7, 9}, DataType.INT8, 0.05f, -20, DataType.INT8, 0.05f, -20,
                        (b, x) -> b.node("Relu", List.of(x))),
                new Case("Clip", new int[] {3, 17}, DataType.INT8, 0.02f, -5, DataType.INT8, 0.011f, -40,
                        (b, x) -> b.node("Clip", List.of(x, b.initializer("lo", Tensor.ofFloats(Shape.scalar(), -0.5f)),
                                b.initializer("hi", Tensor.ofFloats(Shape.scalar(), 1.0f))))),
                new Case("Clip uint8 to int8", new int[] {40}, DataType.UINT8, 0.05f, 128, DataType.INT8, 6f / 255, -128,
                        (b, x) -> b.node("Clip", List.of(x, b.initializer("lo", Tensor.ofFloats(Shape.scalar(), 0f)),
                                b.initializer("hi", Tensor.ofFloats(Shape.scalar(), 6f))))),
                new Case("MaxPool same parameters", new int[] {1, 3, 8, 8}, DataType.INT8, 0.1f, 0, DataType.INT8, 0.1f, 0,
                        (b, x) -> b.node("MaxPool", List.of(x), "kernel_shape", new long[] {2, 2}, "strides", new long[] {2, 2})),
                new Case("MaxPool requantized", new int[] {1, 2, 7, 9}, DataType.INT8, 0.1f, 4, DataType.INT8, 0.07f, -9,
                        (b, x) -> b.node("MaxPool", List.of(x), "kernel_shape", new long[] {3, 3}, "pads",
                                new long[] {1, 1, 1, 1})),
                new Case("Flatten requantized", new int[] {2, 3, 4}, DataType.INT8, 0.1f, 4, DataType.INT8, 0.2f, 0,
                        (b, x) -> b.node("Flatten", List.of(x), "axis", 1L)),
                new Case("Reshape", new int[] {2, 6}, DataType.INT8, 0.1f, 4, DataType.INT8, 0.1f, 4,
                        (b, x) -> b.node("Reshape", List.of(x, b.initializer("shape",
                                Tensor.ofLongs(DataType.INT64, Shape.of(3), 3, 2, 2))))),
                new Case("AveragePool 3x3 stride 2 padded (count_include_pad)", new int[] {1, 4, 9, 8}, DataType.INT8,
                        0.05f, -3, DataType.INT8, 0.02f, 5,
                        (b, x) -> b.node("AveragePool", List.of(x), "kernel_shape", new long[] {3, 3}, "strides",
                                new long[] {2, 2}, "pads", new long[] {1, 1, 1, 1}, "count_include_pad", 1L)),
                new Case("AveragePool 25x5 (ds_cnn's)", new int[] {1, 8, 25, 5}, DataType.INT8, 0.05f, -128, DataType.INT8,
                        0.01f, -128,
                        (b, x) -> b.node("AveragePool", List.of(x), "kernel_shape", new long[] {25, 5}, "strides",
                                new long[] {1, 1})),
                new Case("GlobalAveragePool uint8", new int[] {2, 5, 6, 7}, DataType.UINT8, 0.04f, 100, DataType.UINT8,
                        0.01f, 120, (b, x) -> b.node("GlobalAveragePool", List.of(x))),
                new Case("Add with a float constant (broadcast)", new int[] {1, 4, 3, 3}, DataType.INT8, 0.05f, 2,
                        DataType.INT8, 0.06f, -7,
                        (b, x) -> b.node("Add", List.of(x, b.initializer("bias", Tensor.ofFloats(Shape.of(4, 1, 1),
                                0.3f, -1.2f, 0.05f, 2.5f))))),
                new Case("Softmax 10 classes", new int[] {3, 10}, DataType.INT8, 0.08f, -4, DataType.INT8, 1f / 256, -128,
                        (b, x) -> b.node("Softmax", List.of(x), "axis", -1L)),
                new Case("Softmax rank 3, small scale", new int[] {2, 3, 33}, DataType.INT8, 0.01f, 10, DataType.INT8,
                        1f / 256, -128, (b, x) -> b.node("Softmax", List.of(x), "axis", 2L)),
                new Case("Softmax uint8, large scale", new int[] {4, 12}, DataType.UINT8, 0.5f, 128, DataType.UINT8,
                        1f / 256, 0, (b, x) -> b.node("Softmax", List.of(x))),
                new Case("DequantizeLinear then QuantizeLinear", new int[] {50}, DataType.INT8, 0.05f, 3, DataType.UINT8,
                        0.07f, 128, (b, x) -> x),
                new Case("Slice requantized", new int[] {1, 4, 6, 6}, DataType.INT8, 0.1f, 4, DataType.INT8, 0.07f, -3,
                        (b, x) -> b.node("Slice", List.of(x, longs(b, "starts", 1, 1), longs(b, "ends", 3, 5),
                                longs(b, "axes", 1, 2)))),
                new Case("Gather same parameters", new int[] {5, 3}, DataType.UINT8, 0.1f, 128, DataType.UINT8, 0.1f, 128,
                        (b, x) -> b.node("Gather", List.of(x, longs(b, "idx", 4, 0, 2, 2)), "axis", 0L)),
                new Case("Tile", new int[] {2, 3}, DataType.INT8, 0.05f, 0, DataType.INT8, 0.05f, 0,
                        (b, x) -> b.node("Tile", List.of(x, longs(b, "repeats", 2, 3)))),
                new Case("Expand requantized", new int[] {3, 1}, DataType.INT8, 0.05f, 2, DataType.UINT8, 0.04f, 120,
                        (b, x) -> b.node("Expand", List.of(x, longs(b, "shape", 2, 3, 4)))),
                new Case("SpaceToDepth", new int[] {1, 2, 4, 6}, DataType.UINT8, 0.1f, 100, DataType.UINT8, 0.1f, 100,
                        (b, x) -> b.node("SpaceToDepth", List.of(x), "blocksize", 2L)),
                new Case("Resize nearest x2", new int[] {1, 3, 4, 5}, DataType.INT8, 0.05f, 1, DataType.INT8, 0.05f, 1,
                        (b, x) -> b.node("Resize", List.of(x, "", b.initializer("scales", Tensor.ofFloats(Shape.of(4), 1, 1, 2, 2))),
                                "mode", "nearest")),
                new Case("Sigmoid (lookup)", new int[] {4, 64}, DataType.INT8, 0.06f, 5, DataType.INT8, 1f / 256, -128,
                        (b, x) -> b.node("Sigmoid", List.of(x))),
                new Case("Tanh uint8 to int8 (lookup)", new int[] {300}, DataType.UINT8, 0.03f, 128, DataType.INT8,
                        1f / 128, 0, (b, x) -> b.node("Tanh", List.of(x))),
                new Case("HardSigmoid (lookup)", new int[] {1, 8, 5, 5}, DataType.INT8, 0.05f, -10, DataType.INT8, 1f / 256,
                        -128, (b, x) -> b.node("HardSigmoid", List.of(x), "alpha", 0.25f, "beta", 0.45f)),
                new Case("LeakyRelu (lookup)", new int[] {2, 70}, DataType.INT8, 0.04f, 0, DataType.UINT8, 0.03f, 30,
                        (b, x) -> b.node("LeakyRelu", List.of(x), "alpha", 0.1f)),
                new Case("Mul by a constant (lookup)", new int[] {3, 40}, DataType.INT8, 0.05f, 7, DataType.INT8, 0.02f, 3,
                        (b, x) -> b.node("Mul", List.of(x, b.initializer("k", Tensor.ofFloats(Shape.scalar(), -0.35f))))),
                new Case("Sub from a constant (lookup)", new int[] {256}, DataType.UINT8, 0.01f, 40, DataType.UINT8, 0.015f,
                        10, (b, x) -> b.node("Sub", List.of(b.initializer("k", Tensor.ofFloats(Shape.of(1), 1.5f)), x))))
                .map(Arguments::of);
    }

    private static String longs(OnnxBuilder b, String name, long... v) {
        return b.initializer(name, Tensor.ofLongs(DataType.INT64, Shape.of(v.length), v));
    }

    static byte[] qdqModel(Case c) {
        OnnxBuilder b = new OnnxBuilder("int_" + c.name().replaceAll("\\W", "_"), 13);
        long[] dims = new long[c.dims().length];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = c.dims()[i];
        }
        String x = b.input("x", c.in(), dims);
        String xs = b.initializer("x_scale", Tensor.ofFloats(Shape.scalar(), c.xScale()));
        String xz = b.initializer("x_zero", Tensor.ofLongs(c.in(), Shape.scalar(), c.xZero()));
        String ys = b.initializer("y_scale", Tensor.ofFloats(Shape.scalar(), c.yScale()));
        String yz = b.initializer("y_zero", Tensor.ofLongs(c.out(), Shape.scalar(), c.yZero()));
        String v = c.op().apply(b, b.node("DequantizeLinear", List.of(x, xs, xz)));
        b.output(b.node("QuantizeLinear", List.of(v, ys, yz)), c.out());
        return b.toBytes();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void integerKernelWithinOneOfOnnxRuntime(Case c) {
        byte[] model = qdqModel(c);
        CompileResult r = new Compiler().compile(model, INTEGER_ONLY);
        assertEquals(List.of(), FloatParts.of(r.moduleBytes()), c.name());
        // 8-bit edges of a QDQ model say their scale and zero point too
        assertEquals(List.of(new TensorSpec("x", c.in(), Shape.of(c.dims()), (double) c.xScale(), c.xZero())),
                r.signature().inputs());
        assertEquals((double) c.yScale(), r.signature().outputs().get(0).scale());
        assertEquals(c.yZero(), r.signature().outputs().get(0).zeroPoint());
        Random rnd = new Random(c.name().hashCode());
        for (int trial = 0; trial < 3; trial++) {
            Tensor x = QuantCheck.randomInts(c.in(), c.dims(), rnd);
            QuantCheck.assertWithinOne(c.name(), model, Map.of("x", x), INTEGER_ONLY, new ChicoryRuntime());
        }
    }

    /**
     * The default compile lowers the same QDQ patterns to the same integer kernels (the "QDQ
     * patterns are lowered to integer kernels, not run as float"): with 8-bit edges the module holds no
     * float at all, and it stays within 1 of ONNX Runtime.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void defaultCompileRunsTheSameIntegerKernel(Case c) {
        byte[] model = qdqModel(c);
        CompileResult r = new Compiler().compile(model, CompileOptions.defaults());
        assertEquals(List.of(), FloatParts.of(r.moduleBytes()), c.name());
        assertTrue(r.graph().nodes().stream().noneMatch(n -> n.opType().endsWith("QuantizeLinear")),
                c.name() + ": " + r.graph().nodes());
        QuantCheck.assertWithinOne(c.name() + " (default compile)", model,
                Map.of("x", QuantCheck.randomInts(c.in(), c.dims(), new Random(c.name().hashCode()))));
    }

    @Test
    void integerOnlyAlsoWorksWithoutOptimizations() {
        Case c = (Case) cases().skip(12).findFirst().orElseThrow().get()[0];
        byte[] model = qdqModel(c);
        CompileOptions o0 = INTEGER_ONLY.withOptimizationLevel(0);
        assertEquals(List.of(), FloatParts.of(new Compiler().compile(model, o0).moduleBytes()));
        QuantCheck.assertWithinOne(c.name() + " at -O0", model, Map.of("x", QuantCheck.randomInts(c.in(), c.dims(),
                new Random(1))), o0, new ChicoryRuntime());
    }

    @Test
    void addOfTwoQuantizedTensorsBroadcastsAndRequantizes() {
        OnnxBuilder b = new OnnxBuilder("qadd", 13);
        String a = b.input("a", DataType.INT8, 1, 4, 3, 3);
        String c = b.input("c", DataType.INT8, 1, 4, 1, 1);
        String da = b.node("DequantizeLinear", List.of(a, b.initializer("as", Tensor.ofFloats(Shape.scalar(), 0.05f)),
                b.initializer("az", Tensor.ofLongs(DataType.INT8, Shape.scalar(), -3))));
        String dc = b.node("DequantizeLinear", List.of(c, b.initializer("cs", Tensor.ofFloats(Shape.scalar(), 0.13f)),
                b.initializer("cz", Tensor.ofLongs(DataType.INT8, Shape.scalar(), 11))));
        String sum = b.node("Add", List.of(da, dc));
        b.output(b.node("QuantizeLinear", List.of(sum, b.initializer("ys", Tensor.ofFloats(Shape.scalar(), 0.1f)),
                b.initializer("yz", Tensor.ofLongs(DataType.INT8, Shape.scalar(), -2)))), DataType.INT8);
        byte[] model = b.toBytes();
        assertEquals(List.of(), FloatParts.of(new Compiler().compile(model, INTEGER_ONLY).moduleBytes()));
        Random rnd = new Random(5);
        for (int trial = 0; trial < 5; trial++) {
            QuantCheck.assertWithinOne("QLinearAdd", model, Map.of("a", QuantCheck.randomInts(DataType.INT8,
                    new int[] {1, 4, 3, 3}, rnd), "c", QuantCheck.randomInts(DataType.INT8, new int[] {1, 4, 1, 1}, rnd)),
                    INTEGER_ONLY, new ChicoryRuntime());
        }
    }

    /**
     * Mul of two quantized tensors, as a squeeze-and-excitation gate (per-channel factor broadcast over
     * the map) and as SiLU, {@code x · sigmoid(x)} (the Sigmoid a lookup): integer kernels with and
     * without --integer-only, within 1 of ONNX Runtime.
     */
    @Test
    void mulOfTwoQuantizedTensors() {
        OnnxBuilder b = new OnnxBuilder("qmul", 13);
        String a = b.input("a", DataType.INT8, 1, 4, 3, 3);
        String g = b.input("g", DataType.UINT8, 1, 4, 1, 1);
        String as = b.initializer("as", Tensor.ofFloats(Shape.scalar(), 0.05f));
        String az = b.initializer("az", Tensor.ofLongs(DataType.INT8, Shape.scalar(), -3));
        String da = b.node("DequantizeLinear", List.of(a, as, az));
        String dg = b.node("DequantizeLinear", List.of(g, b.initializer("gs", Tensor.ofFloats(Shape.scalar(), 1f / 255)),
                b.initializer("gz", Tensor.ofLongs(DataType.UINT8, Shape.scalar(), 0))));
        String ys = b.initializer("ys", Tensor.ofFloats(Shape.scalar(), 0.04f));
        String yz = b.initializer("yz", Tensor.ofLongs(DataType.INT8, Shape.scalar(), 5));
        String gated = b.node("QuantizeLinear", List.of(b.node("Mul", List.of(da, dg)), ys, yz));
        // SiLU of the gated map: its Sigmoid quantized to [0, 1), then the product
        String x = b.node("DequantizeLinear", List.of(gated, ys, yz));
        String ss = b.initializer("ss", Tensor.ofFloats(Shape.scalar(), 1f / 256));
        String sz = b.initializer("sz", Tensor.ofLongs(DataType.INT8, Shape.scalar(), -128));
        String sig = b.node("DequantizeLinear", List.of(b.node("QuantizeLinear", List.of(b.node("Sigmoid", List.of(x)), ss, sz)),
                ss, sz));
        b.output(b.node("QuantizeLinear", List.of(b.node("Mul", List.of(x, sig)),
                b.initializer("os", Tensor.ofFloats(Shape.scalar(), 0.03f)), yz)), DataType.INT8);
        byte[] model = b.toBytes();
        for (CompileOptions options : List.of(INTEGER_ONLY, CompileOptions.defaults())) {
            CompileResult r = new Compiler().compile(model, options);
            assertEquals(List.of(), FloatParts.of(r.moduleBytes()));
            assertEquals(2, r.graph().nodes().stream().filter(n -> n.opType().equals("QLinearMul")).count());
            Random rnd = new Random(3);
            for (int trial = 0; trial < 4; trial++) {
                QuantCheck.assertWithinOne("QLinearMul", model, Map.of("a", QuantCheck.randomInts(DataType.INT8,
                        new int[] {1, 4, 3, 3}, rnd), "g", QuantCheck.randomInts(DataType.UINT8, new int[] {1, 4, 1, 1}, rnd)),
                        options, new ChicoryRuntime());
            }
        }
    }

    @Test
    void concatRequantizesTheInputsWhoseParametersDiffer() {
        OnnxBuilder b = new OnnxBuilder("qconcat", 13);
        String a = b.input("a", DataType.INT8, 1, 3, 4);
        String c = b.input("c", DataType.INT8, 1, 2, 4);
        String ys = b.initializer("ys", Tensor.ofFloats(Shape.scalar(), 0.1f));
        String yz = b.initializer("yz", Tensor.ofLongs(DataType.INT8, Shape.scalar(), -2));
        String da = b.node("DequantizeLinear", List.of(a, ys, yz));
        String dc = b.node("DequantizeLinear", List.of(c, b.initializer("cs", Tensor.ofFloats(Shape.scalar(), 0.13f)),
                b.initializer("cz", Tensor.ofLongs(DataType.INT8, Shape.scalar(), 11))));
        String cat = b.node("Concat", List.of(da, dc, da), "axis", 1L);
        b.output(b.node("QuantizeLinear", List.of(cat, ys, yz)), DataType.INT8);
        byte[] model = b.toBytes();
        assertEquals(List.of(), FloatParts.of(new Compiler().compile(model, INTEGER_ONLY).moduleBytes()));
        Random rnd = new Random(9);
        for (int trial = 0; trial < 3; trial++) {
            QuantCheck.assertWithinOne("Concat", model, Map.of("a", QuantCheck.randomInts(DataType.INT8,
                    new int[] {1, 3, 4}, rnd), "c", QuantCheck.randomInts(DataType.INT8, new int[] {1, 2, 4}, rnd)),
                    INTEGER_ONLY, new ChicoryRuntime());
        }
    }

    @Test
    void floatEdgesBecomeQuantizedInputsAndOutputsWithTheirParameters() {
        OnnxBuilder b = new OnnxBuilder("edges", 13);
        String x = b.input("x", DataType.FLOAT32, 1, 8);
        String q = b.node("QuantizeLinear", List.of(x, b.initializer("s", Tensor.ofFloats(Shape.scalar(), 0.25f)),
                b.initializer("z", Tensor.ofLongs(DataType.INT8, Shape.scalar(), 7))));
        String dq = b.node("DequantizeLinear", List.of(q, "s", "z"));
        String relu = b.node("Relu", List.of(dq));
        String q2 = b.node("QuantizeLinear", List.of(relu, b.initializer("s2", Tensor.ofFloats(Shape.scalar(), 0.125f)),
                b.initializer("z2", Tensor.ofLongs(DataType.UINT8, Shape.scalar(), 0))));
        b.graph().addNode(dev.edgec.core.onnx.proto.OnnxProto.NodeProto.newBuilder().setOpType("DequantizeLinear")
                .setName("dq_out").addInput(q2).addInput("s2").addInput("z2").addOutput("y"));
        b.output("y", DataType.FLOAT32, 1, 8);
        CompileResult r = new Compiler().compile(b.toBytes(), INTEGER_ONLY);
        assertEquals(List.of(new TensorSpec("x", DataType.INT8, Shape.of(1, 8), 0.25, 7L)), r.signature().inputs());
        assertEquals(List.of(new TensorSpec("y", DataType.UINT8, Shape.of(1, 8), 0.125, 0L)), r.signature().outputs());
        assertTrue(r.signature().toJson().contains("\"integer_only\":\"true\""), r.signature().toJson());
        assertEquals(List.of(), FloatParts.of(r.moduleBytes()));
        // the default compile of the same model keeps float edges and no scale in the signature
        CompileResult plain = new Compiler().compile(b.toBytes(), CompileOptions.defaults());
        assertEquals(DataType.FLOAT32, plain.signature().inputs().get(0).dtype());
        assertEquals(null, plain.signature().inputs().get(0).scale());
    }

    @Test
    void anOperatorWithoutIntegerKernelFailsNamingIt() {
        OnnxBuilder b = new OnnxBuilder("float_left", 13);
        String x = b.input("x", DataType.INT8, 1, 8);
        String dq = b.node("DequantizeLinear", List.of(x, b.initializer("s", Tensor.ofFloats(Shape.scalar(), 0.25f)),
                b.initializer("z", Tensor.ofLongs(DataType.INT8, Shape.scalar(), 0))));
        String sig = b.graph().addNodeBuilder().setOpType("Sigmoid").setName("gate").addInput(dq).addOutput("gated")
                .getOutput(0);
        String sm = b.graph().addNodeBuilder().setOpType("Softmax").setName("probs").addInput(sig).addOutput("p")
                .getOutput(0);
        b.output(b.node("QuantizeLinear", List.of(sm, "s", "z")), DataType.INT8);
        UnsupportedModelException e = assertThrows(UnsupportedModelException.class,
                () -> new Compiler().compile(b.toBytes(), INTEGER_ONLY));
        assertTrue(e.getMessage().contains("Sigmoid 'gate'") && e.getMessage().contains("Softmax 'probs'"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        // without --integer-only the same model compiles, in float between the QDQ nodes
        new Compiler().compile(b.toBytes(), CompileOptions.defaults());
    }

    @Test
    void floatGraphInputReadByAFloatOperatorIsReported() {
        OnnxBuilder b = new OnnxBuilder("float_model", 13);
        String x = b.input("x", DataType.FLOAT32, 1, 8);
        b.output(b.node("Relu", List.of(x)), DataType.FLOAT32);
        UnsupportedModelException e = assertThrows(UnsupportedModelException.class,
                () -> new Compiler().compile(b.toBytes(), INTEGER_ONLY));
        assertTrue(e.getMessage().contains("graph input 'x'") && e.getMessage().contains("Relu"), e.getMessage());
    }
}
