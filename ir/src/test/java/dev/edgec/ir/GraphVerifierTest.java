package dev.edgec.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GraphVerifierTest {
    private static final TensorType F = TensorType.of(DataType.FLOAT32, 2, 3);

    private static Node node(String name, List<String> in, String... out) {
        return new Node(name, "", "Relu", 13, in, List.of(out), Map.of());
    }

    private static Graph.Builder valid() {
        return Graph.builder().addInput(new Value("x", F))
                .addConstant("c", Tensor.ofFloats(Shape.of(2, 3), new float[6]))
                .addNode(node("a", List.of("x", "c"), "y")).setType("y", F)
                .addNode(node("b", List.of("y", ""), "z")).setType("z", F)
                .addOutput(new Value("z", F));
    }

    private static String failure(Graph.Builder b) {
        return assertThrows(IrVerificationException.class, b::build).getMessage();
    }

    @Test
    void validGraphPasses() {
        Graph g = valid().build();
        assertEquals(2, g.nodes().size());
        GraphVerifier.verify(g.toBuilder().build());
    }

    @Test
    void useBeforeDefine() {
        Graph.Builder b = valid().setNodes(List.of(node("b", List.of("y"), "z"), node("a", List.of("x"), "y")));
        String m = failure(b);
        assertTrue(m.contains("'b'") && m.contains("'y'") && m.contains("before"), m);
        assertTrue(failure(valid().addNode(node("n", List.of("ghost"), "w")).setType("w", F)).contains("ghost"));
    }

    @Test
    void duplicateDefinition() {
        String m = failure(valid().addNode(node("again", List.of("x"), "y")));
        assertTrue(m.contains("'y'") && m.contains("twice") && m.contains("again"), m);
        assertTrue(failure(valid().addNode(node("shadow", List.of("x"), "x"))).contains("'x'"));
        assertTrue(failure(valid().addConstant("x", Tensor.ofFloats(Shape.of(2, 3), new float[6]))).contains("'x'"));
    }

    @Test
    void untypedOutput() {
        String m = failure(valid().addNode(node("u", List.of("z"), "w")));
        assertTrue(m.contains("'u'") && m.contains("'w'") && m.contains("no type"), m);
    }

    @Test
    void graphOutputTypeMismatchOrMissing() {
        String m = failure(valid().setOutputs(List.of(new Value("z", TensorType.of(DataType.FLOAT32, 3, 2)))));
        assertTrue(m.contains("'z'") && m.contains("float32[3x2]") && m.contains("float32[2x3]"), m);
        m = failure(valid().setOutputs(List.of(new Value("nothing", F))));
        assertTrue(m.contains("'nothing'") && m.contains("never defined"), m);
    }
}
