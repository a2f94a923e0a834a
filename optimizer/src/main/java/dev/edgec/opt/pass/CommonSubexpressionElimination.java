package dev.edgec.opt.pass;

import dev.edgec.ir.Graph;
import dev.edgec.ir.Node;
import dev.edgec.opt.Pass;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges nodes that compute the same thing: same operator, opset, inputs and attributes. Readers of
 * the duplicate read the first node's outputs. ONNX operators edgec compiles are deterministic
 * (random ones are rejected at import), so equal nodes give equal values.
 */
public final class CommonSubexpressionElimination implements Pass {
    private record Key(String domain, String opType, int opset, List<String> inputs, Object attributes, List<Boolean> outputsGiven) {
    }

    @Override
    public String name() {
        return "cse";
    }

    @Override
    public Graph run(Graph g) {
        Map<Key, Node> seen = new HashMap<>();
        Map<String, String> renames = new HashMap<>();
        List<Node> kept = new ArrayList<>();
        for (Node raw : g.nodes()) {
            Node n = Renaming.renameInputs(raw, renames);
            Key key = new Key(n.domain(), n.opType(), n.opsetVersion(), n.inputs(), n.attributes(),
                    n.outputs().stream().map(o -> !o.isEmpty()).toList());
            Node first = seen.get(key);
            if (first != null && n.outputs().stream().noneMatch(g::isGraphOutput)) {
                for (int i = 0; i < n.outputs().size(); i++) {
                    if (!n.output(i).isEmpty()) {
                        renames.put(n.output(i), first.output(i));
                    }
                }
                continue;
            }
            seen.putIfAbsent(key, n);
            kept.add(n);
        }
        if (renames.isEmpty()) {
            return g;
        }
        return g.toBuilder().setNodes(kept).build();
    }
}
