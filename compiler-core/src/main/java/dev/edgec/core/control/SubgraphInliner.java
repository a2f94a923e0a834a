package dev.edgec.core.control;

import dev.edgec.ir.Attribute;
import dev.edgec.ir.InvalidModelException;
import dev.edgec.ir.Node;
import dev.edgec.ir.Subgraph;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies one application of a subgraph into the graph being imported. The subgraph's inputs become
 * the given outer values; every value and node it defines is renamed under {@code prefix}
 * ({@code Loop_0/iter3/Add_1}), so that copies of one body never clash and errors still point at a
 * recognisable node; reads of enclosing-scope values (nested subgraphs included) keep their names.
 */
final class SubgraphInliner {
    private SubgraphInliner() {
    }

    /**
     * @param bindings the outer value each subgraph input takes, in the subgraph's input order
     * @param guards   the conditions every inlined node runs under
     * @return the outer names of the subgraph's outputs, in order
     */
    static List<String> inline(Subgraph g, String prefix, List<String> bindings, List<Guard> guards, ExpansionSink sink,
                               Node owner) {
        if (bindings.size() != g.inputs().size()) {
            throw new InvalidModelException(owner.describe() + ": its subgraph '" + g.name() + "' has " + g.inputs().size()
                    + " inputs where " + bindings.size() + " are expected");
        }
        Map<String, String> rename = new HashMap<>();
        for (int i = 0; i < bindings.size(); i++) {
            rename.put(g.inputs().get(i), bindings.get(i));
        }
        for (Map.Entry<String, String> e : new LinkedHashMap<>(rename).entrySet()) {
            if (e.getValue().isEmpty()) {
                throw new InvalidModelException(owner.describe() + ": subgraph input '" + e.getKey() + "' is given no value");
            }
        }
        g.initializers().forEach((name, t) -> {
            rename.put(name, prefix + name);
            sink.addConstant(prefix + name, t);
        });
        for (Node n : g.nodes()) {
            n.outputs().stream().filter(o -> !o.isEmpty()).forEach(o -> rename.put(o, prefix + o));
        }
        for (Node n : g.nodes()) {
            Node renamed = Subgraph.renameReads(n, name -> rename.getOrDefault(name, name));
            List<String> outs = new ArrayList<>();
            n.outputs().forEach(o -> outs.add(o.isEmpty() ? o : rename.get(o)));
            Node copy = new Node(sink.nodeName(prefix + n.name()), n.domain(), n.opType(), n.opsetVersion(),
                    renamed.inputs(), outs, renamed.attributes());
            sink.add(Guard.attach(copy, guards));
        }
        return g.outputs().stream().map(o -> rename.getOrDefault(o, o)).toList();
    }

    /** The subgraph held by {@code owner}'s attribute {@code name} (an error naming the node when it is missing). */
    static Subgraph graph(Node owner, String name) {
        Attribute a = owner.attributes().get(name);
        if (a == null) {
            throw new InvalidModelException(owner.describe() + ": attribute '" + name + "' is required");
        }
        if (!(a instanceof Attribute.GraphAttr g)) {
            throw new InvalidModelException(owner.describe() + ": attribute '" + name + "' must be GRAPH, got " + a.kind());
        }
        return g.graph();
    }
}
