package dev.edgec.harness.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.edgec.cli.runtime.ChicoryRuntime;
import dev.edgec.core.CompileOptions;
import dev.edgec.core.Compiler;
import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.core.onnx.proto.OnnxProto.ModelProto;
import dev.edgec.core.onnx.proto.OnnxProto.NodeProto;
import dev.edgec.core.onnx.proto.OnnxProto.OperatorSetIdProto;
import dev.edgec.harness.FloatParts;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ONNX Runtime's QOperator-format operators (domain com.microsoft), expanded at import into their QDQ
 * form: each runs on integer kernels (the module holds no float) and stays within 1 of ONNX Runtime's
 * own implementation, compiled with and without optimization (-O0 runs the QDQ form in float).
 */
class ContribQuantOperatorsTest {
    /** One case: the model (x: int8 or uint8 input named "x" of {@code dims}) and the input's type. */
    record Case(String name, DataType type, int[] dims, byte[] model) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                unary("QLinearSigmoid", DataType.UINT8, new int[] {2, 40}, List.of()),
                unary("QLinearLeakyRelu", DataType.INT8, new int[] {3, 17}, List.of("alpha", 0.2f)),
                unary("QLinearGlobalAveragePool", DataType.UINT8, new int[] {1, 3, 5, 4}, List.of("channels_last", 0L)),
                unary("QLinearAveragePool", DataType.INT8, new int[] {1, 2, 6, 6},
                        List.of("kernel_shape", new long[] {2, 2}, "strides", new long[] {2, 2})),
                unary("QLinearSoftmax", DataType.UINT8, new int[] {2, 10}, List.of("axis", -1L, "opset", 13L)),
                binary("QLinearAdd", DataType.INT8),
                binary("QLinearMul", DataType.UINT8),
                concat()).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void runsOnIntegerKernelsWithinOneOfOnnxRuntime(Case c) {
        assertEquals(List.of(), FloatParts.of(new Compiler().compile(c.model(), CompileOptions.defaults()).moduleBytes()),
                c.name());
        Random rnd = new Random(c.name().hashCode());
        for (CompileOptions o : List.of(CompileOptions.defaults(), CompileOptions.defaults().withOptimizationLevel(0))) {
            for (int trial = 0; trial < 3; trial++) {
                QuantCheck.assertWithinOne(c.name() + " -O" + o.optimizationLevel(), c.model(),
                        Map.of("x", QuantCheck.randomInts(c.type(), c.dims(), rnd)), o, new ChicoryRuntime());
            }
        }
    }

    private static Case unary(String op, DataType t, int[] dims, List<Object> attrs) {
        OnnxBuilder b = new OnnxBuilder("contrib_" + op, 13);
        String x = b.input("x", t, QuantCheck.longs(dims));
        String y = contrib(b, op, List.of(x, scale(b, "xs", 0.05f), zero(b, "xz", t, 3), scale(b, "ys",
                op.equals("QLinearSoftmax") || op.equals("QLinearSigmoid") ? 1f / 256 : 0.04f), zero(b, "yz", t, 0)), attrs);
        b.output(y, t);
        return new Case(op, t, dims, withContribOpset(b));
    }

    private static Case binary(String op, DataType t) {
        OnnxBuilder b = new OnnxBuilder("contrib_" + op, 13);
        String x = b.input("x", t, 1, 3, 4, 4);
        String per = b.initializer("gate", t == DataType.UINT8 ? Tensor.ofLongs(t, Shape.of(1, 3, 1, 1), 200, 40, 128)
                : Tensor.ofLongs(t, Shape.of(1, 3, 1, 1), 90, -40, 5));
        String y = contrib(b, op, List.of(x, scale(b, "xs", 0.05f), zero(b, "xz", t, 7), per, scale(b, "gs", 0.02f),
                zero(b, "gz", t, t == DataType.UINT8 ? 128 : 0), scale(b, "ys", 0.06f), zero(b, "yz", t, 2)), List.of());
        b.output(y, t);
        return new Case(op, t, new int[] {1, 3, 4, 4}, withContribOpset(b));
    }

    private static Case concat() {
        DataType t = DataType.INT8;
        OnnxBuilder b = new OnnxBuilder("contrib_concat", 13);
        String x = b.input("x", t, 1, 2, 3);
        String other = b.initializer("other", Tensor.ofLongs(t, Shape.of(1, 1, 3), -100, 0, 100));
        String y = contrib(b, "QLinearConcat", List.of(scale(b, "ys", 0.1f), zero(b, "yz", t, -2), x, scale(b, "xs", 0.05f),
                zero(b, "xz", t, 3), other, scale(b, "os", 0.2f), zero(b, "oz", t, 0)), List.of("axis", 1L));
        b.output(y, t);
        return new Case("QLinearConcat", t, new int[] {1, 2, 3}, withContribOpset(b));
    }

    private static String contrib(OnnxBuilder b, String op, List<String> inputs, List<Object> attrs) {
        NodeProto.Builder n = b.graph().addNodeBuilder().setOpType(op).setDomain("com.microsoft").setName(op + "_node")
                .addAllInput(inputs).addOutput("y");
        for (int i = 0; i < attrs.size(); i += 2) {
            n.addAttribute(OnnxBuilder.attribute((String) attrs.get(i), attrs.get(i + 1)));
        }
        return "y";
    }

    private static String scale(OnnxBuilder b, String name, float v) {
        return b.initializer(name, Tensor.ofFloats(Shape.scalar(), v));
    }

    private static String zero(OnnxBuilder b, String name, DataType t, long v) {
        return b.initializer(name, Tensor.ofLongs(t, Shape.scalar(), t == DataType.UINT8 ? 128 + v : v));
    }

    private static byte[] withContribOpset(OnnxBuilder b) {
        ModelProto m = b.build();
        return m.toBuilder().addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("com.microsoft").setVersion(1)).build()
                .toByteArray();
    }
}
