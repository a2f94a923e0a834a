package dev.edgec.opt.pass;

import dev.edgec.ir.Graph;
import dev.edgec.ir.Node;
import dev.edgec.opt.Pass;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Removes nodes whose outputs nothing reads and constants no node reads. */
public final class DeadCodeElimination implements Pass {
    @Override
    public String name() {
        return "dead-code";
    }

    @Override
    public Graph run(Graph g) {
        Set<String> live = new HashSet<>();
        g.outputs().forEach(v -> live.add(v.name()));
        List<Node> kept = new ArrayList<>();
        List<Node> nodes = g.nodes();
        for (int i = nodes.size() - 1; i >= 0; i--) {
            Node n = nodes.get(i);
            if (n.outputs().stream().anyMatch(live::contains)) {
                kept.add(0, n);
                live.addAll(n.inputs());
            }
        }
        List<String> deadConstants = g.constants().keySet().stream().filter(c -> !live.contains(c)).toList();
        if (kept.size() == nodes.size() && deadConstants.isEmpty()) {
            return g;
        }
        Graph.Builder b = g.toBuilder().setNodes(kept);
        deadConstants.forEach(b::removeConstant);
        return b.build();
    }

}
