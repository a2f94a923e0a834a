package dev.edgec.harness.fuzz;

import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.core.onnx.proto.OnnxProto.AttributeProto;
import dev.edgec.core.onnx.proto.OnnxProto.GraphProto;
import dev.edgec.core.onnx.proto.OnnxProto.NodeProto;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.TensorType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Valid models the fuzzer starts from: small hand-built graphs (shape arithmetic, index and integer
 * inputs, If and Loop nodes whose bodies are graph attributes, a QDQ model, ONNX Runtime's QOperator form)
 * plus every model of the zoo.
 */
final class FuzzSeeds {
    private FuzzSeeds() {
    }

    static List<byte[]> all() {
        List<byte[]> seeds = new ArrayList<>();
        seeds.add(addRelu());
        seeds.add(shapeArithmetic());
        seeds.add(gatherAndIntegerDivision());
        seeds.add(ifWithBranches());
        seeds.add(loopWithBody());
        seeds.add(sequenceOps());
        seeds.add(quantized());
        seeds.add(contribQuantized());
        Path zoo = Path.of(System.getProperty("edgec.repoRoot", "..")).resolve("models");
        if (Files.isDirectory(zoo)) {
            try (Stream<Path> s = Files.list(zoo)) {
                s.filter(p -> p.toString().endsWith(".onnx")).sorted()
                        .forEach(p -> seeds.add(read(p)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return seeds;
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] addRelu() {
        OnnxBuilder b = new OnnxBuilder("seed_add_relu", 13);
        String x = b.input("x", DataType.FLOAT32, 2, 3, 4);
        String bias = b.initializer("bias", Tensor.ofFloats(Shape.of(4), 1, -2, 3, -4));
        String y = b.node("Relu", List.of(b.node("Add", List.of(x, bias))));
        b.output(y, DataType.FLOAT32);
        return b.toBytes();
    }

    static byte[] shapeArithmetic() {
        OnnxBuilder b = new OnnxBuilder("seed_shape", 13);
        String x = b.input("x", DataType.FLOAT32, 1, 8);
        String shape = b.node("Shape", List.of(x));
        String zeros = b.node("ConstantOfShape", List.of(shape), "value", Tensor.ofFloats(Shape.of(1), 0.5f));
        b.output(b.node("Add", List.of(x, zeros)), DataType.FLOAT32);
        return b.toBytes();
    }

    static byte[] gatherAndIntegerDivision() {
        OnnxBuilder b = new OnnxBuilder("seed_gather_div", 13);
        String data = b.input("data", DataType.FLOAT32, 5, 3);
        String idx = b.input("idx", DataType.INT64, 2);
        String num = b.input("num", DataType.INT32, 4);
        String den = b.input("den", DataType.INT32, 4);
        b.output(b.node("Gather", List.of(data, idx), "axis", 0L), DataType.FLOAT32);
        b.output(b.node("Div", List.of(num, den)), DataType.INT32);
        b.output(b.node("Cast", List.of(b.node("Floor", List.of(data))), "to", 6L), DataType.INT32);
        return b.toBytes();
    }

    static byte[] ifWithBranches() {
        OnnxBuilder b = new OnnxBuilder("seed_if", 13);
        String cond = b.input("cond", DataType.BOOL);
        String y = b.fresh("y");
        b.nodeWithOutputs("If", List.of(cond), List.of(y))
                .addAttribute(attribute("then_branch", branch("then", 0)))
                .addAttribute(attribute("else_branch", branch("else", 1)));
        b.output(y, DataType.FLOAT32);
        return b.toBytes();
    }

    /** Sequence operators expanded at import: split, insert, erase, read back and concatenated. */
    static byte[] sequenceOps() {
        OnnxBuilder b = new OnnxBuilder("seed_sequences", 13);
        String x = b.input("x", DataType.FLOAT32, 4, 3);
        String seq = b.node("SplitToSequence", List.of(x, b.initializer("split", Tensor.ofLongs(DataType.INT64, Shape.of(2), 1, 3))),
                "axis", 0L);
        String one = b.initializer("one", Tensor.ofLongs(DataType.INT64, Shape.of(), 1));
        seq = b.node("SequenceInsert", List.of(seq, b.node("Relu", List.of(x)), one));
        seq = b.node("SequenceErase", List.of(seq, one));
        b.output(b.node("ConcatFromSequence", List.of(seq), "axis", 0L), DataType.FLOAT32);
        b.output(b.node("SequenceAt", List.of(seq, one)), DataType.FLOAT32);
        b.output(b.node("SequenceLength", List.of(seq)), DataType.INT64);
        return b.toBytes();
    }

    /**
     * A QDQ model whose every pattern becomes an integer kernel: Conv with per-channel weights and a
     * symmetric Relu (the output clamp), Sigmoid (a lookup table), Mul of two quantized tensors, Add,
     * GlobalAveragePool, so that mutations reach the quantized operators and their fusions.
     */
    static byte[] quantized() {
        OnnxBuilder b = new OnnxBuilder("seed_qdq", 13);
        String x = b.input("x", DataType.FLOAT32, 1, 2, 5, 5);
        String s = b.initializer("s", Tensor.ofFloats(Shape.scalar(), 0.05f));
        String z = b.initializer("z", Tensor.ofLongs(DataType.INT8, Shape.scalar(), 0));
        String xq = b.node("DequantizeLinear", List.of(b.node("QuantizeLinear", List.of(x, s, z)), s, z));
        String w = b.node("DequantizeLinear", List.of(b.initializer("w", Tensor.ofLongs(DataType.INT8, Shape.of(3, 2, 3, 3),
                        new long[] {5, -3, 7, 1, 0, -9, 4, 2, -6, 8, -1, 3, 0, 6, -4, 2, 9, -7, -2, 4, 1, -8, 3, 5, -5, 0, 7,
                            6, -6, 2, 8, -3, 1, -9, 4, 0, 3, 7, -2, 5, -1, 6, -8, 2, 0, 9, -4, 1, -7, 3, 5, -3, 2, 8})),
                b.initializer("ws", Tensor.ofFloats(Shape.of(3), 0.02f, 0.03f, 0.025f)),
                b.initializer("wz", Tensor.ofLongs(DataType.INT8, Shape.of(3), 0, 0, 0))), "axis", 0L);
        String conv = b.node("Relu", List.of(b.node("Conv", List.of(xq, w), "pads", new long[] {1, 1, 1, 1})));
        String cq = b.node("DequantizeLinear", List.of(b.node("QuantizeLinear", List.of(conv, s, z)), s, z));
        String sigScale = b.initializer("ss", Tensor.ofFloats(Shape.scalar(), 1f / 256));
        String sigZero = b.initializer("sz", Tensor.ofLongs(DataType.INT8, Shape.scalar(), -128));
        String sig = b.node("DequantizeLinear", List.of(b.node("QuantizeLinear", List.of(b.node("Sigmoid", List.of(cq)),
                sigScale, sigZero)), sigScale, sigZero));
        String mul = b.node("DequantizeLinear", List.of(b.node("QuantizeLinear", List.of(b.node("Mul", List.of(cq, sig)), s, z)),
                s, z));
        String add = b.node("DequantizeLinear", List.of(b.node("QuantizeLinear", List.of(b.node("Add", List.of(mul, cq)), s, z)),
                s, z));
        b.output(b.node("GlobalAveragePool", List.of(add)), DataType.FLOAT32);
        return b.toBytes();
    }

    /** ONNX Runtime's QOperator form (domain com.microsoft): QLinearAdd, QLinearSigmoid, QLinearConcat. */
    static byte[] contribQuantized() {
        OnnxBuilder b = new OnnxBuilder("seed_contrib", 13);
        String x = b.input("x", DataType.UINT8, 1, 3, 4);
        String s = b.initializer("s", Tensor.ofFloats(Shape.scalar(), 0.05f));
        String z = b.initializer("z", Tensor.ofLongs(DataType.UINT8, Shape.scalar(), 128));
        String ss = b.initializer("ss", Tensor.ofFloats(Shape.scalar(), 1f / 256));
        String sz = b.initializer("sz", Tensor.ofLongs(DataType.UINT8, Shape.scalar(), 0));
        contrib(b, "QLinearAdd", List.of(x, s, z, x, s, z, s, z), "sum");
        contrib(b, "QLinearSigmoid", List.of("sum", s, z, ss, sz), "gate");
        contrib(b, "QLinearConcat", List.of(s, z, "sum", s, z, "gate", ss, sz), "y").addAttribute(OnnxBuilder.attribute("axis", 1L));
        b.output("y", DataType.UINT8);
        return b.build().toBuilder().addOpsetImport(dev.edgec.core.onnx.proto.OnnxProto.OperatorSetIdProto.newBuilder()
                .setDomain("com.microsoft").setVersion(1)).build().toByteArray();
    }

    private static NodeProto.Builder contrib(OnnxBuilder b, String op, List<String> inputs, String output) {
        return b.graph().addNodeBuilder().setOpType(op).setDomain("com.microsoft").setName(output + "_node")
                .addAllInput(inputs).addOutput(output);
    }

    static byte[] loopWithBody() {
        OnnxBuilder b = new OnnxBuilder("seed_loop", 13);
        String trip = b.initializer("trip", Tensor.ofLongs(DataType.INT64, Shape.of(), 3));
        String cond = b.initializer("cond", Tensor.of(new TensorType(DataType.BOOL, Shape.of()), new byte[] {1}));
        String init = b.input("init", DataType.FLOAT32, 2);
        GraphProto.Builder body = GraphProto.newBuilder().setName("body")
                .addInput(OnnxBuilder.valueInfo("i", DataType.INT64))
                .addInput(OnnxBuilder.valueInfo("c_in", DataType.BOOL))
                .addInput(OnnxBuilder.valueInfo("acc_in", DataType.FLOAT32, 2))
                .addNode(NodeProto.newBuilder().setOpType("Identity").addInput("c_in").addOutput("c_out"))
                .addNode(NodeProto.newBuilder().setOpType("Add").addInput("acc_in").addInput("acc_in").addOutput("acc_out"))
                .addOutput(OnnxBuilder.valueInfo("c_out", DataType.BOOL))
                .addOutput(OnnxBuilder.valueInfo("acc_out", DataType.FLOAT32, 2));
        String y = b.fresh("y");
        b.nodeWithOutputs("Loop", List.of(trip, cond, init), List.of(y)).addAttribute(attribute("body", body.build()));
        b.output(y, DataType.FLOAT32);
        return b.toBytes();
    }

    /** A small If branch: a constant (variant 0) or an outer-scope value through Identity. */
    static GraphProto branch(String name, int variant) {
        GraphProto.Builder g = GraphProto.newBuilder().setName(name);
        String out = name + "_out";
        if (variant % 2 == 0) {
            g.addNode(NodeProto.newBuilder().setOpType("Constant").addOutput(out)
                    .addAttribute(OnnxBuilder.attribute("value", Tensor.ofFloats(Shape.of(2), 1f, 2f))));
        } else {
            g.addInitializer(OnnxBuilder.tensorProto(name + "_c", Tensor.ofFloats(Shape.of(2), 3f, 4f)));
            g.addNode(NodeProto.newBuilder().setOpType("Identity").addInput(name + "_c").addOutput(out));
        }
        return g.addOutput(OnnxBuilder.valueInfo(out, DataType.FLOAT32, 2)).build();
    }

    private static AttributeProto attribute(String name, GraphProto g) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.GRAPH).setG(g).build();
    }
}
