package dev.edgec.opt.pass;

import static dev.edgec.opt.pass.GraphFixtures.F4;
import static dev.edgec.opt.pass.GraphFixtures.node;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.edgec.ir.Graph;
import dev.edgec.ir.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdentityEliminationTest {
    @Test
    void readersOfAnIdentityReadItsInput() {
        Graph g = Graph.builder()
                .addInput(new Value("x", F4))
                .addNode(node("id", "Identity", List.of("x"), List.of("a"))).setType("a", F4)
                .addNode(node("r", "Relu", List.of("a"), List.of("y"))).setType("y", F4)
                .addOutput(new Value("y", F4))
                .build();
        Graph out = new IdentityElimination().run(g);
        assertEquals(1, out.nodes().size());
        assertEquals(List.of("x"), out.nodes().get(0).inputs());
    }

    @Test
    void anIdentityProducingAGraphOutputIsFoldedIntoItsProducer() {
        Graph g = Graph.builder()
                .addInput(new Value("x", F4))
                .addNode(node("r", "Relu", List.of("x"), List.of("a"))).setType("a", F4)
                .addNode(node("drop", "Dropout", List.of("a"), List.of("y"))).setType("y", F4)
                .addOutput(new Value("y", F4))
                .build();
        Graph out = new IdentityElimination().run(g);
        assertEquals(1, out.nodes().size());
        assertEquals(List.of("y"), out.nodes().get(0).outputs());
    }

    @Test
    void anIdentityFromGraphInputToGraphOutputStays() {
        Graph g = Graph.builder()
                .addInput(new Value("x", F4))
                .addNode(node("id", "Identity", List.of("x"), List.of("y"))).setType("y", F4)
                .addOutput(new Value("y", F4))
                .build();
        assertSame(g, new IdentityElimination().run(g));
    }

    @Test
    void dropoutWithAMaskOutputIsKept() {
        Graph g = Graph.builder()
                .addInput(new Value("x", F4))
                .addNode(node("drop", "Dropout", List.of("x"), List.of("a", "mask"))).setType("a", F4)
                .setType("mask", F4)
                .addNode(node("r", "Relu", List.of("a"), List.of("y"))).setType("y", F4)
                .addOutput(new Value("y", F4))
                .addOutput(new Value("mask", F4))
                .build();
        assertSame(g, new IdentityElimination().run(g));
    }
}
