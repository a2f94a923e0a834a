package dev.edgec.harness.safety;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.edgec.core.CompileOptions;
import dev.edgec.core.Compiler;
import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.core.onnx.proto.OnnxProto.AttributeProto;
import dev.edgec.core.onnx.proto.OnnxProto.GraphProto;
import dev.edgec.core.onnx.proto.OnnxProto.NodeProto;
import dev.edgec.ir.DataType;
import dev.edgec.ir.EdgecException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Graphs whose shape, not their values, is hostile: very deep chains (recursion in a sort or a
 * pass would overflow the stack), deeply nested subgraphs, very long names, very many inputs live at
 * once. Each must compile or fail with edgec's own error, in well under the time limit (the arena
 * planner was cubic in the number of tensors live at once: 2000 inputs took over a minute).
 */
class HostileGraphShapesTest {
    private static void compiles(byte[] model) {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> new Compiler().compile(model, CompileOptions.defaults()));
    }

    private static String compileOrRefuse(byte[] model) {
        return assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            try {
                new Compiler().compile(model, CompileOptions.defaults());
                return null;
            } catch (EdgecException e) {
                return null;
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                return "compiler threw " + e;
            }
        });
    }

    @Test
    void aChainOfTenThousandNodes() {
        OnnxBuilder b = new OnnxBuilder("deep", 13);
        String v = b.input("x", DataType.FLOAT32, 4);
        for (int i = 0; i < 10_000; i++) {
            v = b.node(i % 2 == 0 ? "Relu" : "Neg", List.of(v));
        }
        b.output(v, DataType.FLOAT32);
        compiles(b.toBytes());
    }

    @Test
    void aChainOfTenThousandNodesListedBackwards() {
        OnnxBuilder b = new OnnxBuilder("deep_reversed", 13);
        String v = b.input("x", DataType.FLOAT32, 4);
        for (int i = 0; i < 10_000; i++) {
            v = b.node("Relu", List.of(v));
        }
        b.output(v, DataType.FLOAT32);
        GraphProto.Builder g = b.graph();
        List<NodeProto> nodes = new java.util.ArrayList<>(g.getNodeList());
        java.util.Collections.reverse(nodes);
        g.clearNode().addAllNode(nodes);
        compiles(b.toBytes());
    }

    @Test
    void deeplyNestedSubgraphs() {
        GraphProto leaf = GraphProto.newBuilder().setName("leaf").build();
        GraphProto inner = leaf;
        for (int depth = 0; depth < 500; depth++) {
            // nesting in one branch only: both would double the model's size at every level
            NodeProto ifNode = NodeProto.newBuilder().setOpType("If").addInput("c").addOutput("o" + depth)
                    .addAttribute(AttributeProto.newBuilder().setName("then_branch").setType(AttributeProto.AttributeType.GRAPH).setG(inner))
                    .addAttribute(AttributeProto.newBuilder().setName("else_branch").setType(AttributeProto.AttributeType.GRAPH).setG(leaf))
                    .build();
            inner = GraphProto.newBuilder().setName("g" + depth).addNode(ifNode).build();
        }
        OnnxBuilder b = new OnnxBuilder("nested", 13);
        b.input("c", DataType.BOOL);
        b.graph().addAllNode(inner.getNodeList());
        b.output("o499", DataType.FLOAT32);
        assertNull(compileOrRefuse(b.toBytes()));
    }

    @Test
    void aMegabyteLongName() {
        OnnxBuilder b = new OnnxBuilder("long_name", 13);
        String x = b.input("n".repeat(1 << 20), DataType.FLOAT32, 2);
        b.output(b.node("Relu", List.of(x)), DataType.FLOAT32);
        assertNull(compileOrRefuse(b.toBytes()));
    }

    /** Compiles (no refusal allowed): the arena planner must place 2000 tensors live at once quickly. */
    @Test
    void twoThousandInputsLiveAtOnce() {
        OnnxBuilder b = new OnnxBuilder("wide", 13);
        String sum = b.input("x", DataType.FLOAT32, 2);
        for (int i = 0; i < 2000; i++) {
            sum = b.node("Add", List.of(sum, b.input("in" + i, DataType.FLOAT32, 2)));
        }
        b.output(sum, DataType.FLOAT32);
        compiles(b.toBytes());
    }
}
