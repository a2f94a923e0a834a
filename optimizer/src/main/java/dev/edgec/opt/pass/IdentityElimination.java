package dev.edgec.opt.pass;

import dev.edgec.ir.Attribute;
import dev.edgec.ir.Graph;
import dev.edgec.ir.Node;
import dev.edgec.opt.Pass;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Removes {@code Identity} and inference-mode {@code Dropout} nodes: readers of the output read the
 * input instead. When the output is a graph output (whose name the signature keeps), the producer
 * of the input is renamed to produce it directly, if nothing else reads the input.
 */
public final class IdentityElimination implements Pass {
    @Override
    public String name() {
        return "remove-identity";
    }

    @Override
    public Graph run(Graph g) {
        Uses uses = new Uses(g);
        for (Node n : g.nodes()) {
            if (!isIdentity(n, g)) {
                continue;
            }
            String in = n.input(0);
            String out = n.output(0);
            if (!g.isGraphOutput(out)) {
                Map<String, String> renames = Map.of(out, in);
                List<Node> nodes = new ArrayList<>();
                for (Node m : g.nodes()) {
                    if (m != n) {
                        nodes.add(Renaming.renameInputs(m, renames));
                    }
                }
                return g.toBuilder().setNodes(nodes).build();
            }
            Node producer = uses.producer(in);
            if (producer != null && uses.hasSingleUse(in)) {
                List<Node> nodes = new ArrayList<>();
                for (Node m : g.nodes()) {
                    if (m == producer) {
                        nodes.add(Renaming.renameOutput(m, m.outputs().indexOf(in), out));
                    } else if (m != n) {
                        nodes.add(m);
                    }
                }
                return g.toBuilder().setNodes(nodes).build();
            }
        }
        return g;
    }

    private static boolean isIdentity(Node n, Graph g) {
        if (!n.domain().isEmpty() || n.inputs().isEmpty() || n.input(0).isEmpty()) {
            return false;
        }
        if (n.opType().equals("Identity")) {
            return true;
        }
        if (!n.opType().equals("Dropout") || n.outputs().stream().skip(1).anyMatch(o -> !o.isEmpty())) {
            return false;
        }
        // From opset 12 training_mode is input 2; only a constant false (or absent) means inference.
        if (n.hasInput(2)) {
            var t = g.constants().get(n.input(2));
            if (t == null || t.getLong(0) != 0) {
                return false;
            }
        }
        Attribute isTest = n.attributes().get("is_test");
        return isTest == null || isTest instanceof Attribute.IntAttr i && i.value() != 0 || n.opsetVersion() >= 7;
    }

}
