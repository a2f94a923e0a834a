package dev.edgec.core.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.edgec.core.onnx.proto.OnnxProto.GraphProto;
import dev.edgec.core.onnx.proto.OnnxProto.ModelProto;
import dev.edgec.core.onnx.proto.OnnxProto.NodeProto;
import dev.edgec.ir.DataType;
import dev.edgec.ir.EdgecException;
import dev.edgec.ir.Graph;
import dev.edgec.ir.InvalidModelException;
import dev.edgec.ir.Node;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.UnsupportedModelException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** What the importer refuses, and that it refuses it with the right exception. */
class ModelValidationTest {
    private static OnnxBuilder addRelu(int opset) {
        OnnxBuilder b = new OnnxBuilder("m", opset);
        String x = b.input("x", DataType.FLOAT32, 2, 3);
        String w = b.initializer("w", Tensor.ofFloats(Shape.of(3), 1, 2, 3));
        b.output(b.node("Relu", List.of(b.node("Add", List.of(x, w)))), DataType.FLOAT32);
        return b;
    }

    private static NodeProto relu(String name, String in, String out) {
        return NodeProto.newBuilder().setName(name).setOpType("Relu").addInput(in).addOutput(out).build();
    }

    private static byte[] withNodes(List<NodeProto> nodes, String output) {
        OnnxBuilder b = new OnnxBuilder("m", 13);
        b.input("x", DataType.FLOAT32, 4);
        b.graph().addAllNode(nodes);
        b.output(output, DataType.FLOAT32);
        return b.toBytes();
    }

    @Test
    void validModelImports() {
        Graph g = Imports.graph(addRelu(13));
        assertEquals(List.of("Add", "Relu"), g.nodes().stream().map(Node::opType).toList());
        assertEquals(Shape.of(2, 3), g.outputs().get(0).type().shape());
    }

    @Test
    void opsetLimits() {
        String m = assertThrows(UnsupportedModelException.class, () -> Imports.graph(addRelu(22))).getMessage();
        assertTrue(m.contains("22") && m.contains("21"), m);
        ModelProto noDefault = addRelu(13).build().toBuilder().clearOpsetImport().build();
        assertThrows(InvalidModelException.class, () -> Imports.graph(noDefault.toByteArray()));
        Imports.graph(addRelu(21));
    }

    @Test
    void unknownAttributeNamesNodeAndAttribute() {
        OnnxBuilder b = new OnnxBuilder("m", 13);
        String x = b.input("x", DataType.FLOAT32, 2);
        b.output(b.node("Relu", List.of(x), "alpha", 0.5f), DataType.FLOAT32);
        String m = assertThrows(InvalidModelException.class, () -> Imports.graph(b)).getMessage();
        assertTrue(m.contains("Relu 'Relu_1'") && m.contains("alpha"), m);
    }

    @Test
    void allUnsupportedOperatorsAreListedInOneError() {
        OnnxBuilder b = new OnnxBuilder("m", 13);
        String x = b.input("x", DataType.FLOAT32, 2);
        String f = b.node("FancyOp", List.of(x));
        String r = b.node("Relu", List.of(f));
        String g = b.node("OtherOp", List.of(r));
        b.nodeWithOutputs("ThirdOp", List.of(g), List.of("y")).setDomain("com.example");
        b.output("y", DataType.FLOAT32);
        b.build().toBuilder();
        ModelProto withDomain = b.build().toBuilder().addOpsetImport(
                dev.edgec.core.onnx.proto.OnnxProto.OperatorSetIdProto.newBuilder().setDomain("com.example").setVersion(1)).build();
        String m = assertThrows(UnsupportedModelException.class, () -> Imports.graph(withDomain.toByteArray())).getMessage();
        assertTrue(m.contains("FancyOp 'FancyOp_1'") && m.contains("OtherOp 'OtherOp_3'")
                && m.contains("com.example.ThirdOp 'ThirdOp_4'"), m);
        assertTrue(!m.contains("Relu"), m);
    }

    @Test
    void unreadableBytesAreInvalidModels() {
        assertThrows(InvalidModelException.class, () -> Imports.graph(new byte[0]));
        byte[] good = addRelu(13).toBytes();
        for (int n = 1; n < good.length; n++) {
            byte[] cut = Arrays.copyOf(good, n);
            expectInvalid(cut, "truncated to " + n + " bytes");
        }
        Random r = new Random(1234);
        for (int k = 0; k < 3000; k++) {
            byte[] junk = new byte[1 + r.nextInt(300)];
            r.nextBytes(junk);
            expectInvalid(junk, "random bytes #" + k);
        }
        for (int k = 0; k < 3000; k++) {
            byte[] flipped = good.clone();
            flipped[r.nextInt(flipped.length)] ^= (byte) (1 + r.nextInt(255));
            try {
                Imports.graph(flipped);
            } catch (EdgecException expected) {
                // a flipped byte may also make a valid but unsupported model; anything but an EdgecException fails
            }
        }
    }

    private static void expectInvalid(byte[] bytes, String what) {
        try {
            Imports.graph(bytes);
            fail(what + " imported");
        } catch (InvalidModelException expected) {
            // fine
        } catch (RuntimeException e) {
            throw new AssertionError(what + " threw " + e, e);
        }
    }

    @Test
    void constantWithoutOutputIsInvalid() {
        OnnxBuilder b = new OnnxBuilder("m", 13);
        String x = b.input("x", DataType.FLOAT32, 2);
        b.nodeWithOutputs("Constant", List.of(), List.of(), "value_float", 1f);
        b.output(b.node("Relu", List.of(x)), DataType.FLOAT32);
        assertThrows(InvalidModelException.class, () -> Imports.graph(b));
        OnnxBuilder b2 = new OnnxBuilder("m", 13);
        String x2 = b2.input("x", DataType.FLOAT32, 2);
        b2.nodeWithOutputs("Constant", List.of(), List.of(""), "value_float", 1f);
        b2.output(b2.node("Relu", List.of(x2)), DataType.FLOAT32);
        assertThrows(InvalidModelException.class, () -> Imports.graph(b2));
    }

    @Test
    void cycleIsRejected() {
        byte[] m = withNodes(List.of(relu("a", "x", "y1"), relu("b", "y3", "y2"), relu("c", "y2", "y3")), "y1");
        String msg = assertThrows(InvalidModelException.class, () -> Imports.graph(m)).getMessage();
        assertTrue(msg.contains("cycle"), msg);
    }

    @Test
    void valueProducedTwiceIsRejected() {
        byte[] m = withNodes(List.of(relu("a", "x", "y"), relu("b", "x", "y")), "y");
        String msg = assertThrows(InvalidModelException.class, () -> Imports.graph(m)).getMessage();
        assertTrue(msg.contains("'y'") && msg.contains("more than once") && msg.contains("'b'"), msg);
        byte[] overwritesInput = withNodes(List.of(relu("a", "x", "x")), "x");
        assertThrows(InvalidModelException.class, () -> Imports.graph(overwritesInput));
    }

    @Test
    void undefinedInputsAndOutputsAreRejected() {
        assertThrows(InvalidModelException.class, () -> Imports.graph(withNodes(List.of(relu("a", "ghost", "y")), "y")));
        assertThrows(InvalidModelException.class, () -> Imports.graph(withNodes(List.of(relu("a", "x", "y")), "nothing")));
        OnnxBuilder noOutputs = new OnnxBuilder("m", 13);
        noOutputs.node("Relu", List.of(noOutputs.input("x", DataType.FLOAT32, 1)));
        assertThrows(InvalidModelException.class, () -> Imports.graph(noOutputs));
    }

    @Test
    void outOfOrderNodesAreSorted() {
        byte[] m = withNodes(List.of(relu("third", "y2", "y3"), relu("first", "x", "y1"), relu("second", "y1", "y2")), "y3");
        Graph g = Imports.graph(m);
        assertEquals(List.of("first", "second", "third"), g.nodes().stream().map(Node::name).toList());
    }

    @Test
    void declaredOutputTypeMustMatch() {
        OnnxBuilder b = new OnnxBuilder("m", 13);
        String x = b.input("x", DataType.FLOAT32, 2);
        b.output(b.node("Relu", List.of(x)), DataType.INT64);
        assertThrows(InvalidModelException.class, () -> Imports.graph(b));
        OnnxBuilder b2 = new OnnxBuilder("m", 13);
        String x2 = b2.input("x", DataType.FLOAT32, 2);
        b2.output(b2.node("Relu", List.of(x2)), DataType.FLOAT32, 3);
        assertThrows(InvalidModelException.class, () -> Imports.graph(b2));
    }

    @Test
    void graphProtoWithoutGraphOrVersion() {
        ModelProto noGraph = ModelProto.newBuilder().setIrVersion(8).build();
        assertThrows(InvalidModelException.class, () -> Imports.graph(noGraph.toByteArray()));
        ModelProto noVersion = ModelProto.newBuilder().setGraph(GraphProto.getDefaultInstance()).build();
        assertThrows(InvalidModelException.class, () -> Imports.graph(noVersion.toByteArray()));
    }
}
