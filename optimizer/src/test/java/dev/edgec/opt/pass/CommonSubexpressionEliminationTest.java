package dev.edgec.opt.pass;

import static dev.edgec.opt.pass.GraphFixtures.F4;
import static dev.edgec.opt.pass.GraphFixtures.node;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.edgec.ir.Attribute;
import dev.edgec.ir.Graph;
import dev.edgec.ir.Value;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommonSubexpressionEliminationTest {
    @Test
    void mergesIdenticalNodesAndRewiresReaders() {
        Graph g = Graph.builder()
                .addInput(new Value("x", F4))
                .addNode(node("r1", "Relu", List.of("x"), List.of("a"))).setType("a", F4)
                .addNode(node("r2", "Relu", List.of("x"), List.of("b"))).setType("b", F4)
                .addNode(node("add", "Add", List.of("a", "b"), List.of("y"))).setType("y", F4)
                .addOutput(new Value("y", F4))
                .build();
        Graph out = new CommonSubexpressionElimination().run(g);
        assertEquals(2, out.nodes().size());
        assertEquals(List.of("a", "a"), out.nodes().get(1).inputs());
    }

    @Test
    void keepsNodesThatDifferInAttributes() {
        Graph g = Graph.builder()
                .addInput(new Value("x", F4))
                .addNode(node("l1", "LeakyRelu", List.of("x"), List.of("a"), Map.of("alpha", new Attribute.FloatAttr(0.1f))))
                .setType("a", F4)
                .addNode(node("l2", "LeakyRelu", List.of("x"), List.of("b"), Map.of("alpha", new Attribute.FloatAttr(0.2f))))
                .setType("b", F4)
                .addNode(node("add", "Add", List.of("a", "b"), List.of("y"))).setType("y", F4)
                .addOutput(new Value("y", F4))
                .build();
        assertSame(g, new CommonSubexpressionElimination().run(g));
    }

    @Test
    void neverMergesAwayAGraphOutput() {
        Graph g = Graph.builder()
                .addInput(new Value("x", F4))
                .addNode(node("r1", "Relu", List.of("x"), List.of("a"))).setType("a", F4)
                .addNode(node("r2", "Relu", List.of("x"), List.of("b"))).setType("b", F4)
                .addOutput(new Value("a", F4))
                .addOutput(new Value("b", F4))
                .build();
        assertSame(g, new CommonSubexpressionElimination().run(g));
    }
}
