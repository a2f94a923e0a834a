package dev.edgec.core.fold;

import dev.edgec.ir.Graph;
import dev.edgec.ir.Node;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * The nodes of a graph whose inputs are all constant, directly or through other such nodes: the
 * maximal constant subgraph. Its frontier is the set of values it computes that something else
 * needs at run time (a node outside the region, or a graph output): folding replaces exactly those.
 */
final class ConstantRegion {
    private final Graph graph;
    private final List<Node> nodes = new ArrayList<>();
    private final Map<String, Node> producers = new HashMap<>();
    private final Map<String, List<Node>> consumers = new HashMap<>();
    private final List<String> frontier = new ArrayList<>();

    /**
     * @param foldable whether a node whose inputs are all constant may join the region (given the node
     *                 and the graph's consumers of each value); a node refused here counts as run-time
     */
    ConstantRegion(Graph g, BiPredicate<Node, Map<String, List<Node>>> foldable) {
        this.graph = g;
        for (Node n : g.nodes()) {
            for (String in : n.inputs()) {
                if (!in.isEmpty()) {
                    consumers.computeIfAbsent(in, k -> new ArrayList<>()).add(n);
                }
            }
        }
        Set<String> constant = new HashSet<>(g.constants().keySet());
        for (Node n : g.nodes()) {
            boolean allConstant = n.inputs().stream().allMatch(in -> in.isEmpty() || constant.contains(in));
            if (allConstant && foldable.test(n, consumers)) {
                nodes.add(n);
                for (String out : n.outputs()) {
                    if (!out.isEmpty()) {
                        constant.add(out);
                        producers.put(out, n);
                    }
                }
            }
        }
        Set<Node> inRegion = new HashSet<>(nodes);
        for (Node n : nodes) {
            for (String out : n.outputs()) {
                if (!out.isEmpty() && (g.isGraphOutput(out)
                        || consumers.getOrDefault(out, List.of()).stream().anyMatch(c -> !inRegion.contains(c)))) {
                    frontier.add(out);
                }
            }
        }
    }

    Graph graph() {
        return graph;
    }

    /** The region's nodes, in graph order. */
    List<Node> nodes() {
        return nodes;
    }

    /** Values computed in the region and needed outside it, in graph order. */
    List<String> frontier() {
        return frontier;
    }

    /** The region node that computes {@code value}, or null when it is not computed in the region. */
    Node producer(String value) {
        return producers.get(value);
    }

    List<Node> consumers(String value) {
        return consumers.getOrDefault(value, List.of());
    }

    /** The region nodes needed to compute {@code values}, in graph order. */
    List<Node> cone(Collection<String> values) {
        return cone(values, Set.of());
    }

    /** The region nodes needed to compute {@code values} when the values in {@code known} are given. */
    List<Node> cone(Collection<String> values, Set<String> known) {
        Set<Node> needed = new HashSet<>();
        List<String> work = new ArrayList<>(values);
        while (!work.isEmpty()) {
            Node n = producers.get(work.remove(work.size() - 1));
            if (n != null && needed.add(n)) {
                n.inputs().stream().filter(in -> !in.isEmpty() && !known.contains(in)).forEach(work::add);
            }
        }
        return nodes.stream().filter(needed::contains).toList();
    }

    /**
     * The region nodes that must still run when {@code folded} become constants: those computing the
     * other frontier values, from the folded ones where they can.
     */
    List<Node> kept(Collection<String> folded) {
        Set<String> known = new HashSet<>(folded);
        List<String> rest = frontier.stream().filter(v -> !known.contains(v)).toList();
        return cone(rest, known);
    }

    /** The graph constants that {@code regionNodes} read. */
    Set<String> constantInputs(Collection<Node> regionNodes) {
        Set<String> out = new LinkedHashSet<>();
        for (Node n : regionNodes) {
            for (String in : n.inputs()) {
                if (graph.constants().containsKey(in)) {
                    out.add(in);
                }
            }
        }
        return out;
    }
}
