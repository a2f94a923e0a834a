package dev.edgec.opt.pass;

import dev.edgec.ir.Graph;
import dev.edgec.ir.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who reads and who writes each value of a graph, for passes that rewrite a producer with a single
 * consumer (here and in compiler-core's QDQ fusions). A node reading a value twice counts twice.
 */
public final class Uses {
    private final Map<String, List<Node>> consumers = new HashMap<>();
    private final Map<String, Node> producers = new HashMap<>();
    private final Graph graph;

    public Uses(Graph g) {
        this.graph = g;
        for (Node n : g.nodes()) {
            for (String in : n.inputs()) {
                if (!in.isEmpty()) {
                    consumers.computeIfAbsent(in, k -> new ArrayList<>()).add(n);
                }
            }
            for (String out : n.outputs()) {
                producers.put(out, n);
            }
        }
    }

    public List<Node> consumers(String value) {
        return consumers.getOrDefault(value, List.of());
    }

    public Node producer(String value) {
        return producers.get(value);
    }

    /** True when {@code value} is read by exactly one node and is not a graph output. */
    public boolean hasSingleUse(String value) {
        return consumers(value).size() == 1 && !graph.isGraphOutput(value);
    }
}
