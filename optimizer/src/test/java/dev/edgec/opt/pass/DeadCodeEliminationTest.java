package dev.edgec.opt.pass;

import static dev.edgec.opt.pass.GraphFixtures.F4;
import static dev.edgec.opt.pass.GraphFixtures.node;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.edgec.ir.Graph;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeadCodeEliminationTest {
    @Test
    void removesNodesAndConstantsNothingReads() {
        Graph g = Graph.builder()
                .addInput(new Value("x", F4))
                .addConstant("used", Tensor.ofFloats(Shape.of(4), 1, 2, 3, 4))
                .addConstant("unused", Tensor.ofFloats(Shape.of(4), 5, 6, 7, 8))
                .addNode(node("a", "Add", List.of("x", "used"), List.of("y"))).setType("y", F4)
                .addNode(node("dead", "Relu", List.of("x"), List.of("z"))).setType("z", F4)
                .addOutput(new Value("y", F4))
                .build();
        Graph out = new DeadCodeElimination().run(g);
        assertEquals(List.of("a"), out.nodes().stream().map(n -> n.name()).toList());
        assertEquals(List.of("used"), List.copyOf(out.constants().keySet()));
        assertEquals(1, out.inputs().size(), "graph inputs stay in the signature even when unused");
    }

    @Test
    void returnsTheSameGraphWhenNothingIsDead() {
        Graph g = Graph.builder()
                .addInput(new Value("x", F4))
                .addNode(node("r", "Relu", List.of("x"), List.of("y"))).setType("y", F4)
                .addOutput(new Value("y", F4))
                .build();
        assertSame(g, new DeadCodeElimination().run(g));
    }
}
