package dev.edgec.opt.pass;

import static dev.edgec.opt.pass.GraphFixtures.F4;
import static dev.edgec.opt.pass.GraphFixtures.node;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgec.ir.Graph;
import dev.edgec.ir.Value;
import dev.edgec.opt.OptimizerException;
import dev.edgec.opt.Pass;
import dev.edgec.opt.PassManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PassManagerTest {
    private static Graph chainOfIdentities() {
        return Graph.builder()
                .addInput(new Value("x", F4))
                .addNode(node("i1", "Identity", List.of("x"), List.of("a"))).setType("a", F4)
                .addNode(node("i2", "Identity", List.of("a"), List.of("b"))).setType("b", F4)
                .addNode(node("r", "Relu", List.of("b"), List.of("y"))).setType("y", F4)
                .addOutput(new Value("y", F4))
                .build();
    }

    @Test
    void runsPassesToAFixedPointAndDumpsOnRequest() {
        List<String> dumps = new ArrayList<>();
        PassManager pm = new PassManager(List.of(new IdentityElimination(), new DeadCodeElimination()),
                Set.of("remove-identity"), dumps::add);
        Graph out = pm.run(chainOfIdentities());
        assertEquals(1, out.nodes().size(), "both identities go, one per application");
        assertEquals(List.of("remove-identity", "remove-identity"), pm.applied());
        assertEquals(2, dumps.size());
        assertTrue(dumps.get(1).contains("Relu(x)"), dumps.get(1));
    }

    @Test
    void aPassThatBreaksTheGraphIsNamed() {
        Pass broken = new Pass() {
            @Override
            public String name() {
                return "drop-first-node";
            }

            @Override
            public Graph run(Graph g) {
                // Building verifies, so produce the broken graph without Graph.Builder.build's check.
                return g.nodes().size() < 3 ? g : sneakyWithout(g);
            }
        };
        OptimizerException e = assertThrows(OptimizerException.class,
                () -> new PassManager(List.of(broken), Set.of(), s -> { }).run(chainOfIdentities()));
        assertTrue(e.getMessage().contains("drop-first-node"), e.getMessage());
    }

    private static Graph sneakyWithout(Graph g) {
        return g.toBuilder().setNodes(g.nodes().subList(1, g.nodes().size())).build();
    }
}
