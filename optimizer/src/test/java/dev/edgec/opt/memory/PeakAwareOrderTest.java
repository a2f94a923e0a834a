package dev.edgec.opt.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgec.ir.DataType;
import dev.edgec.ir.Graph;
import dev.edgec.ir.Node;
import dev.edgec.ir.TensorType;
import dev.edgec.ir.Value;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PeakAwareOrderTest {
    private static Node op(String name, List<String> in, String out) {
        return new Node(name, "", "Op", 13, in, List.of(out), Map.of());
    }

    @Test
    void aBranchIsRunToItsEndBeforeTheOtherStarts() {
        // x feeds two towers a1→a2 (big a1) and b1→b2; the file interleaves them so a1 and b1 are live together.
        TensorType small = TensorType.of(DataType.FLOAT32, 4);
        TensorType big = TensorType.of(DataType.FLOAT32, 100);
        Graph g = Graph.builder()
                .addInput(new Value("x", small))
                .addNode(op("a1", List.of("x"), "a1")).setType("a1", big)
                .addNode(op("b1", List.of("x"), "b1")).setType("b1", big)
                .addNode(op("a2", List.of("a1"), "a2")).setType("a2", small)
                .addNode(op("b2", List.of("b1"), "b2")).setType("b2", small)
                .addNode(op("j", List.of("a2", "b2"), "y")).setType("y", small)
                .addOutput(new Value("y", small))
                .build();
        List<Node> order = PeakAwareOrder.of(g, Map.of());
        assertEquals(List.of("a1", "a2", "b1", "b2", "j"), order.stream().map(Node::name).toList());
        Graph reordered = g.toBuilder().setNodes(order).build();
        assertTrue(ArenaPlanner.lowerBound(Lifetimes.of(reordered), 16) < ArenaPlanner.lowerBound(Lifetimes.of(g), 16));
    }

    @Test
    void theOrderIsAlwaysTopological() {
        Random r = new Random(11);
        for (int trial = 0; trial < 200; trial++) {
            Graph g = LifetimesTest.randomDag(r);
            List<Node> order = PeakAwareOrder.of(g, Map.of());
            assertEquals(g.nodes().size(), order.size());
            Set<String> defined = new HashSet<>(g.constants().keySet());
            g.inputs().forEach(v -> defined.add(v.name()));
            for (Node n : order) {
                assertTrue(defined.containsAll(n.inputs()), n.name() + " runs before its inputs exist");
                defined.addAll(n.outputs());
            }
        }
    }
}
