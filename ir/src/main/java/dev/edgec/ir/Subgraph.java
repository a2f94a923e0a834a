package dev.edgec.ir;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A graph-valued attribute (an If branch, a Loop or Scan body) as read from the model: its inputs
 * and outputs by name, its own initializers, and its nodes in topological order ({@code Constant}
 * nodes included). It has no types of its own: they come from the values it is applied to. Its nodes
 * may read values of the enclosing graphs by name, as ONNX allows.
 */
public record Subgraph(String name, List<String> inputs, List<String> outputs, Map<String, Tensor> initializers,
                       List<Node> nodes) {
    public Subgraph {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        initializers = Collections.unmodifiableMap(new LinkedHashMap<>(initializers));
        nodes = List.copyOf(nodes);
    }

    /** The names this subgraph defines: inputs, initializers and node outputs. */
    public Set<String> localNames() {
        Set<String> local = new HashSet<>(inputs);
        local.addAll(initializers.keySet());
        for (Node n : nodes) {
            n.outputs().stream().filter(o -> !o.isEmpty()).forEach(local::add);
        }
        return local;
    }

    /**
     * This subgraph with every read of an enclosing-scope value renamed by {@code rename} (names it
     * defines itself are kept: they shadow the outer ones), nested subgraphs included.
     */
    public Subgraph renameFree(UnaryOperator<String> rename) {
        Set<String> local = localNames();
        UnaryOperator<String> outer = name -> name.isEmpty() || local.contains(name) ? name : rename.apply(name);
        List<Node> renamed = new ArrayList<>();
        for (Node n : nodes) {
            renamed.add(renameReads(n, outer));
        }
        return new Subgraph(name, inputs, outputs.stream().map(outer).toList(), initializers, renamed);
    }

    /** {@code n} reading {@code rename(x)} for each input x, in itself and in its graph attributes' free reads. */
    public static Node renameReads(Node n, UnaryOperator<String> rename) {
        Map<String, Attribute> attrs = new LinkedHashMap<>(n.attributes());
        attrs.replaceAll((k, a) -> a instanceof Attribute.GraphAttr g ? new Attribute.GraphAttr(g.graph().renameFree(rename)) : a);
        return new Node(n.name(), n.domain(), n.opType(), n.opsetVersion(), n.inputs().stream().map(i -> i.isEmpty() ? i : rename.apply(i)).toList(),
                n.outputs(), attrs);
    }

    /** Number of nodes including those of nested subgraphs: what one inlining of it costs at most. */
    public long size() {
        long count = 0;
        for (Node n : nodes) {
            count++;
            for (Attribute a : n.attributes().values()) {
                if (a instanceof Attribute.GraphAttr g) {
                    count += g.graph().size();
                }
            }
        }
        return count;
    }
}
