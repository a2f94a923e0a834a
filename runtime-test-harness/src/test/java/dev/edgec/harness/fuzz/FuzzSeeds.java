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
 * inputs, If and Loop nodes whose bodies are graph attributes) plus every model of the zoo.
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
